/**
 * Publishing layers once per content and region, deploying the function, and the records of both.
 */
package dev.lambdalayer.core.publish;
