/** The ports to AWS the jobs use, read-only apart from writing, opened through one factory. */
package dev.lambdalayer.core.port;
