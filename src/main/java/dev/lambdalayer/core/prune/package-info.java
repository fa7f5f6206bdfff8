/** Choosing layer versions nothing uses any more, and deleting them. */
package dev.lambdalayer.core.prune;
