/** The one configured Jackson mapper: strict reading with positions, stable pretty writing. */
package dev.lambdalayer.core.json;
