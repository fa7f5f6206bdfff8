package dev.lambdalayer.core.zip;

import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Inflater;

/**
 * One arm of the zip-reading benchmark in docs/benchmark.md: {@code zipindex} ({@link ZipIndex}) or
 * {@code cc} ({@link CommonsCompressZipReader}) opens a layer zip and every jar in it, lists the
 * classes, and reads every 20th, as lambda:classpath does. Run each arm in a fresh JVM,
 * alternating: {@code java -cp target/test-classes:target/classes:<deps>
 * dev.lambdalayer.core.zip.ZipReadBenchmark zipindex|cc layer.zip 1}.
 */
final class ZipReadBenchmark {
  private ZipReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String arm = args[0];
    Path zip = Path.of(args[1]);
    int repeats = Integer.parseInt(args[2]);
    var bean = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < repeats; r++) {
      long cpu0 = bean.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long classes = 0, read = 0;
      Inflater inflater = new Inflater(true);
      try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
        if (arm.equals("zipindex")) {
          ZipIndex outer = ZipIndex.read(ZipIndex.ByteSource.of(ch), 0, ch.size(), zip.toString());
          for (ZipIndex.Entry jar : outer.entries().values()) {
            if (!jar.name().endsWith(".jar")) continue;
            ZipIndex in = outer.nested(jar);
            int i = 0;
            for (ZipIndex.Entry e : in.entries().values()) {
              if (e.name().endsWith(".class")) {
                classes++;
                if (i++ % 20 == 0) read += in.bytes(e, inflater).length;
              }
            }
          }
        } else {
          CommonsCompressZipReader outer = CommonsCompressZipReader.open(ch, zip.toString());
          for (var jar : outer.entries().values()) {
            if (!jar.getName().endsWith(".jar")) continue;
            CommonsCompressZipReader in = outer.nested(jar);
            int i = 0;
            for (var e : in.entries().values()) {
              if (e.getName().endsWith(".class")) {
                classes++;
                if (i++ % 20 == 0) read += in.bytes(e, inflater).length;
              }
            }
          }
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
      System.out.println(
          arm
              + " run"
              + r
              + " wall "
              + ms
              + " ms cpu "
              + cpu
              + " ms classes "
              + classes
              + " read "
              + read);
    }
  }
}
