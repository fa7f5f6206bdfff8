/**
 * The Maven adapter: thin Mojos that read parameters, call the core and turn its typed errors into
 * messages naming the POM element and the {@code -Dlambda.*} property. The only package that
 * imports Maven and Maven Resolver types.
 */
package dev.lambdalayer.maven;
