/** The AWS adapter: the only package that imports the AWS SDK for Java v2. */
package dev.lambdalayer.aws;
