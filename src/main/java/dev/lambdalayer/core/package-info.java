/**
 * The build-tool-agnostic core, split by capability ({@code model}, {@code zip}, {@code plan},
 * {@code lock}, {@code classpath}, {@code port}, {@code publish}, {@code prune}, {@code json}, and
 * {@code job} on top). Imports neither Maven nor AWS types; the rules are in {@code
 * ArchitectureTest}.
 */
package dev.lambdalayer.core;
