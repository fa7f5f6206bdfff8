/**
 * Placing libraries into layers and the function, and packaging them: rules, planner, shared and
 * reactor layers, the zips and build.json.
 */
package dev.lambdalayer.core.plan;
