package dev.lambdalayer.core.classpath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the check needs from one class file: its supertypes, its public methods and the classes its
 * code uses.
 *
 * <p>The classes used are those the JVM may resolve while the class runs: every class entry of the
 * constant pool (superclass, interfaces, {@code new}, casts, field and method owners, {@code ldc}
 * of a class, exception types) and the types in the descriptors of the fields and methods it
 * accesses. Annotations, generic signatures and the descriptors of its own members are left out:
 * the JVM does not load them to run the class, and they are where optional libraries show up.
 */
record ClassFile(
    String name,
    String superName,
    List<String> interfaces,
    int access,
    int majorVersion,
    Set<String> references) {

  /** A method with its access flags and parameter types (internal names or primitives). */
  record Method(String name, int access, List<String> parameters) {}

  /**
   * @throws IllegalArgumentException when the bytes are not a class file ASM can read
   */
  static ClassFile parse(byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    Set<String> references = new LinkedHashSet<>();
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset == 0) {
        continue; // the second slot of a long or double
      }
      switch (bytes[offset - 1]) {
        case 7 -> addClass(reader.readUTF8(offset, buffer), references); // Class
        case 12 -> addDescriptor(reader.readUTF8(offset + 2, buffer), references); // NameAndType
        case 16 -> addDescriptor(reader.readUTF8(offset, buffer), references); // MethodType
        default -> {}
      }
    }
    references.remove(reader.getClassName());
    return new ClassFile(
        reader.getClassName(),
        reader.getSuperName(),
        List.of(reader.getInterfaces()),
        reader.getAccess(),
        Short.toUnsignedInt(reader.readShort(6)),
        references);
  }

  /** The methods and constructors of a class file; only the handler check needs them. */
  static List<Method> methods(byte[] bytes) {
    List<Method> methods = new ArrayList<>();
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access,
                  String name,
                  String descriptor,
                  String signature,
                  String[] exceptions) {
                List<String> parameters = new ArrayList<>();
                for (Type type : Type.getArgumentTypes(descriptor)) {
                  parameters.add(
                      type.getSort() == Type.OBJECT
                          ? type.getInternalName()
                          : type.getDescriptor());
                }
                methods.add(new Method(name, access, parameters));
                return null;
              }
            },
            ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return methods;
  }

  private static void addClass(String name, Set<String> out) {
    if (name.startsWith("[")) {
      addType(Type.getType(name), out);
    } else {
      out.add(name);
    }
  }

  private static void addDescriptor(String descriptor, Set<String> out) {
    if (descriptor.startsWith("(")) {
      Type method = Type.getMethodType(descriptor);
      for (Type argument : method.getArgumentTypes()) {
        addType(argument, out);
      }
      addType(method.getReturnType(), out);
    } else {
      addType(Type.getType(descriptor), out);
    }
  }

  private static void addType(Type type, Set<String> out) {
    Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
    if (element.getSort() == Type.OBJECT) {
      out.add(element.getInternalName());
    }
  }

  boolean isInterface() {
    return (access & Opcodes.ACC_INTERFACE) != 0;
  }

  boolean isAbstract() {
    return (access & Opcodes.ACC_ABSTRACT) != 0;
  }
}
