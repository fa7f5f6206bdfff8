/**
 * The AWS adapter: the only package that imports the AWS SDK for Java v2. Its one public class,
 * {@link dev.lambdalayer.aws.SdkAwsPorts}, implements the core's {@link
 * dev.lambdalayer.core.port.AwsPorts}; the ports it opens are package-private.
 */
package dev.lambdalayer.aws;
