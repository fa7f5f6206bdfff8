package dev.lambdalayer.core.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The central directory of a zip that lies anywhere in a file (a whole zip, or a jar stored inside
 * a layer zip), read with one or two reads, and the bytes of single entries on demand. A general
 * zip library reads a directory record by record; with tens of thousands of classes in a layer,
 * this is what makes the check cheap.
 *
 * <p>Zips are written through Commons Compress, but read here rather than through its {@code
 * ZipFile}, even with {@code setIgnoreLocalFileHeader(true)} and a read-ahead window over the file
 * (the other arm of {@code ZipReadBenchmark} in the tests, which also checks that both read the
 * same names and bytes): for every central-directory record it builds a {@code ZipArchiveEntry},
 * decodes the name through a {@code CharsetDecoder} and converts the DOS time through a new {@code
 * Calendar}, and no option turns that off. On a 150-jar layer of 54,000 classes, in a fresh JVM as
 * the class-path check runs, that took 4x the CPU (median 885 ms against 219 ms) and 5.8x the wall
 * time; warm, the two are alike. The check reads every class name of every jar once per build, so
 * it keeps this reader (see docs/benchmark.md, line 7).
 */
public final class ZipIndex {

  /** One file of the zip: where its local header is and how its bytes are stored. */
  public record Entry(String name, int method, long compressedSize, long size, long localHeader) {}

  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;

  private final ByteSource source;
  private final long start;
  private final long end;
  private final Map<String, Entry> entries;

  /** Readable bytes: a file read positionally, or bytes in memory. */
  public interface ByteSource {
    /** Fills {@code buffer} from absolute position {@code position}, or fails. */
    void readFully(ByteBuffer buffer, long position) throws IOException;

    static ByteSource of(FileChannel channel) {
      return (buffer, position) -> {
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, position + buffer.position()) < 0) {
            throw new IOException("unexpected end of file at " + position);
          }
        }
      };
    }

    static ByteSource of(byte[] bytes) {
      return (buffer, position) -> {
        if (position < 0 || position + buffer.remaining() > bytes.length) {
          throw new IOException("unexpected end of data at " + position);
        }
        buffer.put(bytes, (int) position, buffer.remaining());
      };
    }
  }

  private ZipIndex(ByteSource source, long start, long end, Map<String, Entry> entries) {
    this.source = source;
    this.start = start;
    this.end = end;
    this.entries = entries;
  }

  /** Reads the directory of the zip occupying {@code length} bytes from {@code start}. */
  public static ZipIndex read(ByteSource source, long start, long length, String name)
      throws IOException {
    int tail = (int) Math.min(length, 22 + 65535);
    ByteBuffer end = read(source, start + length - tail, tail);
    int eocd = -1;
    for (int i = tail - 22; i >= 0; i--) {
      if (end.getInt(i) == EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw new IOException(name + " is not a zip (no end of central directory)");
    }
    long count = Short.toUnsignedInt(end.getShort(eocd + 10));
    long directorySize = Integer.toUnsignedLong(end.getInt(eocd + 12));
    long directoryOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
    if ((count == 0xFFFF || directoryOffset == 0xFFFFFFFFL)
        && eocd >= 20
        && end.getInt(eocd - 20) == ZIP64_LOCATOR) {
      ByteBuffer zip64 = read(source, start + end.getLong(eocd - 20 + 8), 56);
      if (zip64.getInt(0) != ZIP64_EOCD) {
        throw new IOException(name + ": broken zip64 end of central directory");
      }
      count = zip64.getLong(32);
      directorySize = zip64.getLong(40);
      directoryOffset = zip64.getLong(48);
    }
    ByteBuffer directory = read(source, start + directoryOffset, Math.toIntExact(directorySize));
    Map<String, Entry> entries = new LinkedHashMap<>((int) Math.min(count * 2, 1 << 20));
    int at = 0;
    for (long i = 0; i < count; i++) {
      if (directory.getInt(at) != CENTRAL) {
        throw new IOException(name + ": broken central directory");
      }
      int method = Short.toUnsignedInt(directory.getShort(at + 10));
      long compressed = Integer.toUnsignedLong(directory.getInt(at + 20));
      long size = Integer.toUnsignedLong(directory.getInt(at + 24));
      int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
      long local = Integer.toUnsignedLong(directory.getInt(at + 42));
      String entryName = new String(directory.array(), at + 46, nameLength, StandardCharsets.UTF_8);
      if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
        long[] values =
            zip64Extra(directory, at + 46 + nameLength, extraLength, size, compressed, local);
        size = values[0];
        compressed = values[1];
        local = values[2];
      }
      entries.put(entryName, new Entry(entryName, method, compressed, size, local));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipIndex(source, start, start + length, entries);
  }

  /** The zip64 extra field holds, in order, only the values whose 32-bit field is saturated. */
  private static long[] zip64Extra(
      ByteBuffer buffer, int at, int length, long size, long compressed, long local) {
    int end = at + length;
    while (at + 4 <= end) {
      int id = Short.toUnsignedInt(buffer.getShort(at));
      int dataLength = Short.toUnsignedInt(buffer.getShort(at + 2));
      if (id == 1) {
        int p = at + 4;
        if (size == 0xFFFFFFFFL) {
          size = buffer.getLong(p);
          p += 8;
        }
        if (compressed == 0xFFFFFFFFL) {
          compressed = buffer.getLong(p);
          p += 8;
        }
        if (local == 0xFFFFFFFFL) {
          local = buffer.getLong(p);
        }
        break;
      }
      at += 4 + dataLength;
    }
    return new long[] {size, compressed, local};
  }

  private static ByteBuffer read(ByteSource source, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    source.readFully(buffer, position);
    buffer.flip();
    return buffer;
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  /** Where an entry's bytes start: after its local header, whose extra field may differ. */
  public long dataStart(Entry entry) throws IOException {
    ByteBuffer header = read(source, start + entry.localHeader(), 30);
    if (header.getInt(0) != LOCAL) {
      throw new IOException("broken zip: no local header for " + entry.name());
    }
    return start
        + entry.localHeader()
        + 30
        + Short.toUnsignedInt(header.getShort(26))
        + Short.toUnsignedInt(header.getShort(28));
  }

  /** The uncompressed bytes of an entry (stored or deflated). */
  public byte[] bytes(Entry entry) throws IOException {
    return bytes(entry, null);
  }

  /**
   * The uncompressed bytes of an entry, reading its local header and data in one read when the
   * local extra field is short, and inflating with the caller's {@code inflater} when given.
   */
  public byte[] bytes(Entry entry, Inflater inflater) throws IOException {
    int nameLength = entry.name().getBytes(StandardCharsets.UTF_8).length;
    int guess = 30 + nameLength + 64;
    long from = start + entry.localHeader();
    ByteBuffer raw =
        read(source, from, Math.toIntExact(Math.min(guess + entry.compressedSize(), end - from)));
    if (raw.getInt(0) != LOCAL) {
      throw new IOException("broken zip: no local header for " + entry.name());
    }
    int offset = 30 + Short.toUnsignedInt(raw.getShort(26)) + Short.toUnsignedInt(raw.getShort(28));
    if (offset + entry.compressedSize() > raw.limit()) {
      raw =
          read(
              source,
              start + entry.localHeader() + offset,
              Math.toIntExact(entry.compressedSize()));
      offset = 0;
    }
    if (entry.method() == 0) {
      return java.util.Arrays.copyOfRange(raw.array(), offset, offset + (int) entry.size());
    }
    if (entry.method() != 8) {
      throw new IOException(
          "unsupported compression method " + entry.method() + " for " + entry.name());
    }
    Inflater own = inflater == null ? new Inflater(true) : inflater;
    try {
      own.reset();
      own.setInput(raw.array(), offset, (int) entry.compressedSize());
      byte[] out = new byte[Math.toIntExact(entry.size())];
      int n = 0;
      while (n < out.length) {
        int got = own.inflate(out, n, out.length - n);
        if (got == 0 && (own.finished() || own.needsInput() || own.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != out.length) {
        throw new IOException("broken zip: " + entry.name() + " is shorter than its size");
      }
      return out;
    } catch (DataFormatException e) {
      throw new IOException("broken zip: " + entry.name() + ": " + e.getMessage(), e);
    } finally {
      if (inflater == null) {
        own.end();
      }
    }
  }

  /** A view of a stored entry as a zip of its own (a jar inside a layer zip), without a copy. */
  public ZipIndex nested(Entry entry) throws IOException {
    if (entry.method() == 0) {
      return read(source, dataStart(entry), entry.size(), entry.name());
    }
    byte[] bytes = bytes(entry);
    return read(ByteSource.of(bytes), 0, bytes.length, entry.name());
  }
}
