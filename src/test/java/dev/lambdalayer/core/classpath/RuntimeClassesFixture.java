package dev.lambdalayer.core.classpath;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Functions that use JDK classes which came or went between Java releases, checked for every Lambda
 * Java runtime. Run in-process by the tests and as a main class in another JDK, so both can be
 * compared: the answers must not depend on the JDK running the check.
 */
public final class RuntimeClassesFixture {

  static final List<String> RUNTIMES = List.of("java8.al2", "java11", "java17", "java21", "java25");

  /** Used by the first function, which carries no copy of any of them. */
  static final List<String> JDK_CLASSES =
      List.of(
          "java/util/concurrent/ConcurrentHashMap",
          "java/util/HexFormat", // 17
          "java/lang/Record", // 16
          "java/lang/runtime/ObjectMethods", // 16, a package Java 11 lacks
          "java/lang/Compiler", // removed in 21
          "javax/xml/bind/JAXB", // removed in 11
          "javax/annotation/PostConstruct", // removed in 11, in a package Java 11 still has
          "sun/misc/Unsafe", // rt.jar internal on Java 8, jdk.unsupported since
          "sun/misc/BASE64Encoder", // removed in 9, in a package Java 9+ exports
          "sun/nio/ch/DirectBuffer", // an internal package: not checked
          "com/sun/xml/internal/bind/v2/ContextFactory"); // Java 8's internal JAXB

  private RuntimeClassesFixture() {}

  /** Usage: {@code RuntimeClassesFixture <work directory>}; prints {@link #run}'s lines. */
  public static void main(String[] args) throws IOException {
    run(Path.of(args[0])).forEach(System.out::println);
  }

  /**
   * One line per function and runtime: the classes missing and those the JDK shadows. The second
   * function ships a JAXB API jar and a {@code javax.annotation.Nullable} of its own.
   */
  static List<String> run(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path uses = dir.resolve("uses-jdk.zip");
    zip(uses, Map.of("com/example/Handler.class", uses("com/example/Handler", JDK_CLASSES)));
    Path ships = dir.resolve("ships-jaxb.zip");
    Map<String, byte[]> jar = new LinkedHashMap<>();
    jar.put(
        "javax/xml/bind/JAXB.class", uses("javax/xml/bind/JAXB", "javax/activation/DataHandler"));
    jar.put("javax/annotation/Nullable.class", uses("javax/annotation/Nullable"));
    zip(
        ships,
        Map.of(
            "com/example/Handler.class",
            uses(
                "com/example/Handler", List.of("javax/xml/bind/JAXB", "javax/annotation/Nullable")),
            "lib/jaxb-api.jar",
            jar(jar)));
    List<String> lines = new ArrayList<>();
    for (Path function : List.of(uses, ships)) {
      for (String runtime : RUNTIMES) {
        ClassPathReport report = check(function, runtime);
        lines.add(
            function.getFileName()
                + " "
                + runtime
                + ": missing "
                + report.missing().stream().map(ClassPathReport.MissingClass::className).toList()
                + ", shadowed by the JDK "
                + report.shadowed().stream()
                    .filter(s -> s.winner().equals("the JDK"))
                    .flatMap(s -> s.classes().stream())
                    .toList()
                + ", "
                + report.jdkClasses());
      }
    }
    return lines;
  }

  static ClassPathReport check(Path function, String runtime) throws IOException {
    return ClassPathCheck.run(
        new ClassPathInput(function, List.of(), Map.of(), List.of(runtime)),
        new ClassPathSettings(null, List.of(), List.of()));
  }

  /** A Java 8 class whose constructor loads each of {@code references} with {@code ldc}. */
  static byte[] uses(String name, String... references) {
    return uses(name, List.of(references));
  }

  static byte[] uses(String name, List<String> references) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    m.visitCode();
    for (String reference : references) {
      m.visitLdcInsn(Type.getObjectType(reference));
      m.visitInsn(Opcodes.POP);
    }
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  static byte[] jar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A zip like the plugin writes, entries sorted and stored. */
  static Path zip(Path file, Map<String, byte[]> files) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
        ZipEntry entry = new ZipEntry(f.getKey());
        entry.setMethod(ZipEntry.STORED);
        CRC32 crc = new CRC32();
        crc.update(f.getValue());
        entry.setSize(f.getValue().length);
        entry.setCompressedSize(f.getValue().length);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(f.getValue());
        out.closeEntry();
      }
    }
    return file;
  }
}
