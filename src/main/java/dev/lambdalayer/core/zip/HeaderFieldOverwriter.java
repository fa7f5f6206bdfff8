package dev.lambdalayer.core.zip;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * Overwrites chosen bytes of a zip as Commons Compress streams it out, at offsets announced before
 * they are written, after checking a header signature there.
 *
 * <p>Commons Compress derives a header's DOS time from epoch millis through the JVM's default time
 * zone, so a wall-clock time inside a daylight-saving gap of that zone cannot be written through
 * it, and it writes "version needed to extract" 1.0 for directories. {@link ReproducibleZipWriter}
 * hands it a fixed placeholder time and fixes both fields here, so the bytes depend on no zone.
 */
final class HeaderFieldOverwriter extends FilterOutputStream {

  /** {@code bytes} go to {@code position}; the 4 bytes at {@code header} must be {@code magic}. */
  private record Edit(long header, int magic, long position, byte[] bytes) {}

  private final ArrayDeque<Edit> edits = new ArrayDeque<>();
  private long count;

  HeaderFieldOverwriter(OutputStream out) {
    super(out);
  }

  /**
   * Announces that the header starting at {@code header} carries {@code magic} and that its bytes
   * from {@code offset} on must read {@code bytes}. Headers are announced in file order.
   */
  void overwrite(long header, int magic, int offset, byte[] bytes) {
    Edit last = edits.peekLast();
    if (header < count || (last != null && header < last.header())) {
      throw new IllegalStateException("header at " + header + " announced out of order");
    }
    edits.add(new Edit(header, magic, header + offset, bytes.clone()));
  }

  /** Bytes written so far. */
  long count() {
    return count;
  }

  /** Fails unless every announced header was written: Commons Compress wrote another layout. */
  void checkAllWritten() {
    if (!edits.isEmpty()) {
      throw new IllegalStateException(
          "Commons Compress wrote no zip header at " + edits.peek().header() + " (" + count + ")");
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    long end = count + len;
    Edit first = edits.peek();
    if (first == null || first.header() >= end) {
      out.write(b, off, len);
      count = end;
      return;
    }
    byte[] chunk = java.util.Arrays.copyOfRange(b, off, off + len);
    for (Edit edit : edits) {
      if (edit.header() >= end) {
        break;
      }
      checkMagic(edit, chunk);
      for (int i = 0; i < edit.bytes().length; i++) {
        long at = edit.position() + i;
        if (at >= count && at < end) {
          chunk[(int) (at - count)] = edit.bytes()[i];
        }
      }
    }
    out.write(chunk, 0, len);
    count = end;
    while (!edits.isEmpty() && edits.peek().position() + edits.peek().bytes().length <= count) {
      edits.poll();
    }
  }

  private void checkMagic(Edit edit, byte[] chunk) {
    for (int i = 0; i < 4; i++) {
      long at = edit.header() + i;
      if (at >= count && at < count + chunk.length) {
        int expected = (edit.magic() >>> (8 * i)) & 0xFF;
        if ((chunk[(int) (at - count)] & 0xFF) != expected) {
          throw new IllegalStateException(
              "Commons Compress wrote no zip header with signature "
                  + Integer.toHexString(edit.magic())
                  + " at "
                  + edit.header());
        }
      }
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
