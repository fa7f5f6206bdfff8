/**
 * Values every capability shares: coordinates, the resolved graph, file digests and the jar check,
 * settings and violations, the lockfile's model, Lambda's limits.
 */
package dev.lambdalayer.core.model;
