/** Simulates Lambda's class path from the zips and checks that the function loads. */
package dev.lambdalayer.core.classpath;
