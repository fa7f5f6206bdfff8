/** Reproducible zip writing and a fast central-directory reader; knows nothing of layers. */
package dev.lambdalayer.core.zip;
