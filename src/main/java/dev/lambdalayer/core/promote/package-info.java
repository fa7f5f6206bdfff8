/**
 * Promotion: deploying to one environment exactly what another runs, checked against AWS, taken
 * from verified zips and never rebuilt.
 */
package dev.lambdalayer.core.promote;
