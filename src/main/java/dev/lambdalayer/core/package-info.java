/**
 * The build-tool-agnostic core: the dependency model, layer rules and planner, Lambda's limits, the
 * reproducible zip writer and the build report. Imports neither Maven nor AWS types.
 */
package dev.lambdalayer.core;
