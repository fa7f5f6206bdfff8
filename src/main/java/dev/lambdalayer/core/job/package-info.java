/**
 * One entry point per goal: each job takes a request and ports and returns an outcome to render.
 */
package dev.lambdalayer.core.job;
