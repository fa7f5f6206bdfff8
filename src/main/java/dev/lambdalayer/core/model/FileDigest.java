package dev.lambdalayer.core.model;

/** What the zip writer and the reports need to know of one file's bytes. */
public record FileDigest(long size, String sha256, long crc32) {}
