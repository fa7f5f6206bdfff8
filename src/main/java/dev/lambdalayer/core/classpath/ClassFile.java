package dev.lambdalayer.core.classpath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
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
 *
 * <p>{@code reflective} holds the classes its code loads by a constant name, {@code
 * Class.forName("a.B")} or {@code loader.loadClass("a.B")} with the string pushed right before the
 * call, each marked optional when the call sits in a {@code try} that catches {@code
 * ClassNotFoundException} (or a supertype of it): the code expects the class may be absent.
 */
record ClassFile(
    String name,
    String superName,
    List<String> interfaces,
    int access,
    int majorVersion,
    Set<String> references,
    Map<String, Boolean> reflective) {

  private static final Set<String> CATCHES_CLASS_NOT_FOUND =
      Set.of(
          "java/lang/ClassNotFoundException",
          "java/lang/ReflectiveOperationException",
          "java/lang/Exception",
          "java/lang/Throwable");

  /** A method with its access flags and parameter types (internal names or primitives). */
  record Method(String name, int access, List<String> parameters) {}

  /**
   * @throws IllegalArgumentException when the bytes are not a class file ASM can read
   */
  static ClassFile parse(byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    Set<String> references = new LinkedHashSet<>();
    char[] buffer = new char[reader.getMaxStringLength()];
    boolean loadsByName = false;
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset == 0) {
        continue; // the second slot of a long or double
      }
      switch (bytes[offset - 1]) {
        case 7 -> addClass(reader.readUTF8(offset, buffer), references); // Class
        case 12 -> { // NameAndType
          String member = reader.readUTF8(offset, buffer);
          loadsByName |= member.equals("forName") || member.equals("loadClass");
          addDescriptor(reader.readUTF8(offset + 2, buffer), references);
        }
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
        references,
        loadsByName ? reflectiveLoads(reader) : Map.of());
  }

  /** The constant class names loaded by reflection; only read when the pool names such a call. */
  private static Map<String, Boolean> reflectiveLoads(ClassReader reader) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            return new ReflectiveLoads(out);
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return out;
  }

  /** Finds {@code ldc "a.B"} right before {@code Class.forName} or {@code loadClass}. */
  private static final class ReflectiveLoads extends MethodVisitor {
    private final Map<String, Boolean> out;
    private final Map<Label, Integer> labelOrder = new HashMap<>();
    private final List<Label[]> guarded = new ArrayList<>();
    private final Map<String, List<Integer>> calls = new LinkedHashMap<>();
    private String constant;
    private int lastLabel = -1;

    ReflectiveLoads(Map<String, Boolean> out) {
      super(Opcodes.ASM9);
      this.out = out;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      if (type != null && CATCHES_CLASS_NOT_FOUND.contains(type)) {
        guarded.add(new Label[] {start, end});
      }
    }

    @Override
    public void visitLabel(Label label) {
      lastLabel = labelOrder.size();
      labelOrder.put(label, lastLabel);
    }

    @Override
    public void visitLdcInsn(Object value) {
      constant = value instanceof String text ? text : null;
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      boolean load =
          (owner.equals("java/lang/Class")
                  && name.equals("forName")
                  && descriptor.equals("(Ljava/lang/String;)Ljava/lang/Class;"))
              || (name.equals("loadClass")
                  && descriptor.equals("(Ljava/lang/String;)Ljava/lang/Class;"));
      if (load && constant != null && isClassName(constant)) {
        calls.computeIfAbsent(constant.replace('.', '/'), k -> new ArrayList<>()).add(lastLabel);
      }
      constant = null;
    }

    @Override
    public void visitInsn(int opcode) {
      constant = null;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      constant = null;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      constant = null;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      constant = null;
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      constant = null;
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name,
        String descriptor,
        org.objectweb.asm.Handle bootstrapMethodHandle,
        Object... bootstrapMethodArguments) {
      constant = null; // e.g. a string concatenation: the name is computed
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      constant = null;
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      constant = null;
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      constant = null;
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      constant = null;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      constant = null;
    }

    private boolean isGuarded(int at) {
      for (Label[] range : guarded) {
        Integer start = labelOrder.get(range[0]);
        Integer end = labelOrder.get(range[1]);
        if (start != null && end != null && start <= at && at < end) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void visitEnd() {
      // One unguarded load makes the class required, in this method and in the class.
      calls.forEach(
          (name, at) -> out.merge(name, at.stream().allMatch(this::isGuarded), (a, b) -> a && b));
    }
  }

  private static boolean isClassName(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isJavaIdentifierPart(c) || c == '.')) {
        return false;
      }
    }
    return Character.isJavaIdentifierStart(text.charAt(0));
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
