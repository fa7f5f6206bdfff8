package dev.lambdalayer.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a stored (uncompressed) entry of a zip, so a jar inside a layer zip can be
 * opened in place, reading only its central directory and the classes asked for, with no copy.
 * Closing it leaves the shared file channel open.
 */
final class NestedZipChannel implements SeekableByteChannel {

  private final FileChannel file;
  private final long start;
  private final long size;
  private long position;
  private boolean open = true;

  NestedZipChannel(FileChannel file, long start, long size) {
    this.file = file;
    this.start = start;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (position >= size) {
      return -1;
    }
    int wanted = (int) Math.min(dst.remaining(), size - position);
    ByteBuffer slice = dst.slice();
    slice.limit(wanted);
    int read = file.read(slice, start + position);
    if (read > 0) {
      dst.position(dst.position() + read);
      position += read;
    }
    return read;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
