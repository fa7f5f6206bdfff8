package dev.lambdalayer.core.zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory and local headers straight from its bytes, so tests can check the
 * raw fields (DOS time and date, extra field lengths, modes) no library interprets for them.
 */
final class ZipBytes {

  record Entry(
      String name,
      int method,
      int dosTime,
      int dosDate,
      long crc,
      long compressedSize,
      long size,
      int centralExtraLength,
      int commentLength,
      int unixMode,
      int versionMadeByHost,
      int localMethod,
      int localDosTime,
      int localDosDate,
      int localExtraLength,
      long localHeaderOffset) {}

  private ZipBytes() {}

  static List<Entry> entries(byte[] zip) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = zip.length - 22;
    if (b.getInt(eocd) != 0x06054b50) {
      throw new AssertionError("no end of central directory record right at the end");
    }
    if (Short.toUnsignedInt(b.getShort(eocd + 20)) != 0) {
      throw new AssertionError("zip has a comment");
    }
    int count = Short.toUnsignedInt(b.getShort(eocd + 10));
    int offset = b.getInt(eocd + 16);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (b.getInt(offset) != 0x02014b50) {
        throw new AssertionError("bad central directory header at " + offset);
      }
      int nameLength = Short.toUnsignedInt(b.getShort(offset + 28));
      int extraLength = Short.toUnsignedInt(b.getShort(offset + 30));
      int commentLength = Short.toUnsignedInt(b.getShort(offset + 32));
      long local = Integer.toUnsignedLong(b.getInt(offset + 42));
      String name = new String(zip, offset + 46, nameLength, StandardCharsets.UTF_8);
      int l = (int) local;
      if (b.getInt(l) != 0x04034b50) {
        throw new AssertionError("bad local header for " + name);
      }
      entries.add(
          new Entry(
              name,
              Short.toUnsignedInt(b.getShort(offset + 10)),
              Short.toUnsignedInt(b.getShort(offset + 12)),
              Short.toUnsignedInt(b.getShort(offset + 14)),
              Integer.toUnsignedLong(b.getInt(offset + 16)),
              Integer.toUnsignedLong(b.getInt(offset + 20)),
              Integer.toUnsignedLong(b.getInt(offset + 24)),
              extraLength,
              commentLength,
              b.getInt(offset + 38) >>> 16,
              Byte.toUnsignedInt(b.get(offset + 5)),
              Short.toUnsignedInt(b.getShort(l + 8)),
              Short.toUnsignedInt(b.getShort(l + 10)),
              Short.toUnsignedInt(b.getShort(l + 12)),
              Short.toUnsignedInt(b.getShort(l + 28)),
              local));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
}
