package dev.lambdalayer.core.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only window of a file (a whole zip, or a jar stored inside one) as a channel, reading
 * ahead in blocks.
 *
 * <p>Commons Compress reads a central directory in several small reads per entry; against a bare
 * {@link FileChannel} each would be a system call, tens of thousands for a layer of many classes.
 * The block turns them into one read per {@value #BLOCK} bytes. Reads go to absolute file
 * positions, so windows of one file (a layer zip and the jars stored in it) share its channel
 * without sharing a position. Closing a window leaves the file open: its owner closes it.
 */
final class FileSliceChannel implements SeekableByteChannel {

  /** Large enough to take a directory in few reads, small enough to waste little per class. */
  static final int BLOCK = 16 * 1024;

  private final FileChannel file;
  private final long start;
  private final long size;
  private final ByteBuffer block = ByteBuffer.allocate(BLOCK).limit(0);
  private long blockStart;
  private long position;
  private boolean open = true;

  FileSliceChannel(FileChannel file, long start, long size) {
    this.file = file;
    this.start = start;
    this.size = size;
  }

  /** The window of {@code size} bytes from {@code offset} within this one, on the same file. */
  FileSliceChannel slice(long offset, long size) throws IOException {
    if (offset < 0 || size < 0 || offset + size > this.size) {
      throw new IOException("broken zip: " + size + " bytes at " + offset + " lie outside it");
    }
    return new FileSliceChannel(file, start + offset, size);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    int wanted = (int) Math.min(dst.remaining(), size - position);
    if (wanted == 0) {
      return 0;
    }
    if (wanted >= BLOCK) {
      // Large reads (a class, a nested jar's directory) skip the block: it would only copy twice.
      ByteBuffer view = dst.slice().limit(wanted);
      int n = file.read(view, start + position);
      if (n <= 0) {
        return -1;
      }
      dst.position(dst.position() + n);
      position += n;
      return n;
    }
    if (position < blockStart || position >= blockStart + block.limit()) {
      fill();
      if (block.limit() == 0) {
        return -1;
      }
    }
    int offset = (int) (position - blockStart);
    int n = Math.min(wanted, block.limit() - offset);
    dst.put(block.array(), offset, n);
    position += n;
    return n;
  }

  /** Reads the block at the current position; a file shorter than expected gives a short one. */
  private void fill() throws IOException {
    block.clear().limit((int) Math.min(BLOCK, size - position));
    while (block.hasRemaining()) {
      if (file.read(block, start + position + block.position()) < 0) {
        break;
      }
    }
    block.flip();
    blockStart = position;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open && file.isOpen();
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!isOpen()) {
      throw new ClosedChannelException();
    }
  }
}
