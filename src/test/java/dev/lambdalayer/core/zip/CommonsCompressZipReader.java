package dev.lambdalayer.core.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * ZipIndex's job done through Commons Compress's {@code ZipFile} (central directories only, a
 * read-ahead window over the file, nested stored jars read in place): the reference {@link
 * ZipIndexAgreesWithCommonsCompressTest} checks {@link ZipIndex} against, and the other arm of
 * {@link ZipReadBenchmark}, which shows why the check keeps {@link ZipIndex}.
 */
final class CommonsCompressZipReader {

  private final String name;
  private final ZipFile zip;
  private final FileSliceChannel file;
  private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();

  private CommonsCompressZipReader(String name, ZipFile zip, FileSliceChannel file) {
    this.name = name;
    this.zip = zip;
    this.file = file;
    for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
      ZipArchiveEntry entry = e.nextElement();
      entries.put(entry.getName(), entry);
    }
  }

  static CommonsCompressZipReader open(FileChannel channel, String name) throws IOException {
    FileSliceChannel whole = new FileSliceChannel(channel, 0, channel.size());
    return new CommonsCompressZipReader(name, read(whole, name), whole);
  }

  private static ZipFile read(SeekableByteChannel channel, String name) throws IOException {
    try {
      return ZipFile.builder()
          .setSeekableByteChannel(channel)
          .setCharset(StandardCharsets.UTF_8)
          .setIgnoreLocalFileHeader(true)
          .setUseUnicodeExtraFields(false)
          .get();
    } catch (IOException e) {
      String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new IOException(name + " is not a readable zip: " + cause, e);
    }
  }

  Map<String, ZipArchiveEntry> entries() {
    return entries;
  }

  byte[] bytes(ZipArchiveEntry entry, Inflater inflater) throws IOException {
    int length = Math.toIntExact(entry.getCompressedSize());
    byte[] raw;
    try (InputStream in = zip.getRawInputStream(entry)) {
      raw = in.readNBytes(length);
    }
    if (entry.getMethod() == ZipArchiveEntry.STORED) {
      return raw;
    }
    try {
      inflater.reset();
      inflater.setInput(raw);
      byte[] out = new byte[Math.toIntExact(entry.getSize())];
      int n = 0;
      while (n < out.length) {
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0 && (inflater.finished() || inflater.needsInput())) {
          break;
        }
        n += got;
      }
      return out;
    } catch (DataFormatException e) {
      throw new IOException(name + ": " + e.getMessage(), e);
    }
  }

  CommonsCompressZipReader nested(ZipArchiveEntry entry) throws IOException {
    String nestedName = name + "!/" + entry.getName();
    if (entry.getMethod() == ZipArchiveEntry.STORED && file != null) {
      zip.getRawInputStream(entry).close();
      FileSliceChannel window = file.slice(entry.getDataOffset(), entry.getSize());
      return new CommonsCompressZipReader(nestedName, read(window, nestedName), window);
    }
    byte[] bytes = bytes(entry, new Inflater(true));
    return new CommonsCompressZipReader(
        nestedName, read(new SeekableInMemoryByteChannel(bytes), nestedName), null);
  }
}
