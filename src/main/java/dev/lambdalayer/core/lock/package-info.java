/** The lockfile: its codec, locking the current plan, and auditing drift against it. */
package dev.lambdalayer.core.lock;
