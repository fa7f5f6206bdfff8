/**
 * Compares what Lambda loads from the fat jar or zip a team ships today with what it will load from
 * the function and layer zips of this plugin: libraries, winning classes, service files and merged
 * resources.
 */
package dev.lambdalayer.core.compare;
