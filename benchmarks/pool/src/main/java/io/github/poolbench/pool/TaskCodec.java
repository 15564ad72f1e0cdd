package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.StreamCorruptedException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes a task for a worker. A static method reference or a lambda that captures nothing goes by name,
 * as Python pickles a function: class, method and descriptor, which the worker calls reflectively. That
 * spares a fresh worker JVM the lambda machinery that deserializing a lambda sets off, tens of
 * milliseconds on its first task. Any other task (capturing lambdas, instance method references, classes
 * implementing {@link Task}) is sent with Java serialization.
 */
final class TaskCodec {

    /** The first byte: a task called by name, or a serialized one. */
    static final int BY_NAME = 2;

    static final int SERIALIZED = 3;
    private static final String TASK_INTERFACE = Task.class.getName().replace('.', '/');
    private static final Map<Character, String> BOXES = Map.of(
            'Z',
            "Ljava/lang/Boolean;",
            'B',
            "Ljava/lang/Byte;",
            'C',
            "Ljava/lang/Character;",
            'S',
            "Ljava/lang/Short;",
            'I',
            "Ljava/lang/Integer;",
            'J',
            "Ljava/lang/Long;",
            'F',
            "Ljava/lang/Float;",
            'D',
            "Ljava/lang/Double;",
            'V',
            "Ljava/lang/Void;");

    private TaskCodec() {}

    /**
     * {@code [kind:1][granted classes: count:2, names][payload]}: the classes that a task is of or was
     * written in travel with it and are allowed on both sides, so a lambda in the caller's own class
     * needs no allow-list entry. By name, the payload is the capturing class, the method's class, name
     * and descriptor; else Java serialization.
     */
    static byte[] encode(Task<?, ?> task) throws IOException {
        SerializedLambda lambda = serializedLambda(task);
        boolean byName = lambda != null
                && callableByName(lambda)
                && openToUs(task.getClass().getClassLoader(), lambda.getImplClass());
        return encode(task, lambda, byName);
    }

    /** Any serializable function object (an {@link Initializer}), always serialized, with its grants. */
    static byte[] encodeSerialized(java.io.Serializable function) throws IOException {
        return encode(function, serializedLambda(function), false);
    }

    private static byte[] encode(Object task, SerializedLambda lambda, boolean byName) throws IOException {
        Set<String> granted = new LinkedHashSet<>();
        Class<?> type = task.getClass();
        if (!type.isHidden()) {
            granted.add(type.getName()); // a class implementing Task; a lambda's own class never travels
        }
        granted.add(type.getNestHost().getName()); // for a lambda: the class that wrote it
        if (lambda != null) {
            granted.add(lambda.getCapturingClass().replace('/', '.'));
            granted.add(lambda.getImplClass().replace('/', '.'));
        }
        Map<String, byte[]> shipped = new LinkedHashMap<>();
        for (String name : granted) {
            Class<?> root = classOrNull(name, type.getClassLoader());
            if (root != null) {
                ShippedClasses.of(root).forEach(shipped::putIfAbsent);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(byName ? BY_NAME : SERIALIZED);
            out.writeShort(granted.size());
            for (String name : granted) {
                out.writeUTF(name);
            }
            out.writeShort(shipped.size());
            for (Map.Entry<String, byte[]> file : shipped.entrySet()) {
                out.writeUTF(file.getKey());
                out.writeInt(file.getValue().length);
                out.write(file.getValue());
            }
            if (byName) {
                out.writeUTF(lambda.getCapturingClass().replace('/', '.'));
                out.writeUTF(lambda.getImplClass().replace('/', '.'));
                out.writeUTF(lambda.getImplMethodName());
                out.writeUTF(lambda.getImplMethodSignature());
            } else {
                out.write(AllowList.serialize(task));
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The class names a task grants, as {@link #encode} wrote them, and those of the class files shipped with
     * it: what {@link #decode} grants in the worker, so that the parent reads back what the worker may send.
     */
    static List<String> granted(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1));
        int count = in.readUnsignedShort();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
        }
        int classFiles = in.readUnsignedShort();
        for (int i = 0; i < classFiles; i++) {
            names.add(in.readUTF());
            in.skipNBytes(in.readInt());
        }
        return names;
    }

    /**
     * Rebuilds a task; first grants {@code allowList} the classes it travels with. A task by name is
     * called only if its capturing class vouches for it: the method must be the target of a
     * serializable lambda or method reference compiled into that class ({@link ClassConstants}), so a
     * frame cannot make a worker call any other static method.
     */
    static Task<?, ?> decode(byte[] encoded, AllowList allowList, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        return (Task<?, ?>) decodeObject(encoded, allowList, loader);
    }

    /** As {@link #decode}, for what {@link #encodeSerialized} wrote too. */
    static Object decodeObject(byte[] encoded, AllowList allowList, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        if (encoded.length == 0 || (encoded[0] != BY_NAME && encoded[0] != SERIALIZED)) {
            throw new StreamCorruptedException("not an encoded task");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1));
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            allowList.grant(in.readUTF());
        }
        int classFiles = in.readUnsignedShort();
        Map<String, byte[]> shipped = new LinkedHashMap<>();
        for (int i = 0; i < classFiles; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new StreamCorruptedException("a class file of " + length + " bytes in " + in.available());
            }
            byte[] file = new byte[length];
            in.readFully(file);
            shipped.put(name, file);
            allowList.grant(name); // the parent's own code, which the worker trusts as it trusts the parent
        }
        if (!shipped.isEmpty()) {
            if (!(loader instanceof ShippedClasses.Loader classes)) {
                throw new InvalidClassException(
                        shipped.keySet().iterator().next(), "was shipped but there is no loader for it");
            }
            classes.add(shipped);
        }
        if (encoded[0] == SERIALIZED) {
            return allowList.deserialize(in.readAllBytes(), loader);
        }
        String capturingName = in.readUTF();
        String className = in.readUTF();
        String methodName = in.readUTF();
        String descriptor = in.readUTF();
        Class<?> capturing = Class.forName(capturingName, false, loader);
        if (!allowList.allows(capturing)) {
            throw allowList.refusal(capturingName);
        }
        if (!ClassConstants.of(capturing).containsAll(List.of(className.replace('.', '/'), methodName, descriptor))) {
            throw new InvalidClassException(
                    capturingName,
                    "defines no serializable lambda or method reference that calls " + className + "." + methodName
                            + descriptor + ", so the worker will not call it by name");
        }
        Class<?> owner = Class.forName(className, false, loader);
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(methodName)
                    && descriptor(method).equals(descriptor)
                    && Modifier.isStatic(method.getModifiers())) {
                method.setAccessible(true); // a lambda's body is a private method
                return new StaticMethodTask(method);
            }
        }
        throw new InvalidClassException(className, "has no static method " + methodName + descriptor);
    }

    private static Class<?> classOrNull(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Whether the worker may call the method reflectively: its package is open to the pool. */
    private static boolean openToUs(ClassLoader loader, String implClass) {
        try {
            Class<?> owner = Class.forName(implClass.replace('/', '.'), false, loader);
            return owner.getModule().isOpen(owner.getPackageName(), TaskCodec.class.getModule());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The lambda's serial form, if the task is a serializable lambda whose class lets us see it. */
    private static SerializedLambda serializedLambda(Object task) {
        try {
            Method writeReplace = task.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(task) instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException notALambdaWeMayOpen) {
            return null;
        }
    }

    /**
     * Whether a reflective call does exactly what the lambda would: a static method of one parameter,
     * nothing captured, and a result the lambda would box the same way.
     */
    private static boolean callableByName(SerializedLambda lambda) {
        if (lambda.getCapturedArgCount() != 0
                || lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
                || !lambda.getFunctionalInterfaceClass().equals(TASK_INTERFACE)) {
            return false;
        }
        String impl = lambda.getImplMethodSignature();
        String instantiated = lambda.getInstantiatedMethodType();
        if (parameterCount(impl) != 1) {
            return false;
        }
        String implReturn = impl.substring(impl.indexOf(')') + 1);
        String taskReturn = instantiated.substring(instantiated.indexOf(')') + 1);
        return taskReturn.equals("Ljava/lang/Object;")
                || taskReturn.equals(implReturn)
                || (implReturn.length() == 1 && taskReturn.equals(BOXES.get(implReturn.charAt(0))));
    }

    private static int parameterCount(String descriptor) {
        int count = 0;
        for (int at = 1; descriptor.charAt(at) != ')'; count++) {
            while (descriptor.charAt(at) == '[') {
                at++;
            }
            at = descriptor.charAt(at) == 'L' ? descriptor.indexOf(';', at) + 1 : at + 1;
        }
        return count;
    }

    private static String descriptor(Method method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor
                .append(')')
                .append(method.getReturnType().descriptorString())
                .toString();
    }

    /** A task that calls a static method; a plain class, so that making one spins no lambda class. */
    static final class StaticMethodTask implements Task<Object, Object> {
        private static final long serialVersionUID = 1L;

        private final transient Method method;

        StaticMethodTask(Method method) {
            this.method = method;
        }

        @Override
        public Object apply(Object input) throws Exception {
            try {
                return method.invoke(null, input);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception thrown) {
                    throw thrown;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            } catch (IllegalArgumentException e) {
                // What the lambda would have thrown for an input of the wrong type.
                ClassCastException wrongInput = new ClassCastException("input of "
                        + (input == null ? "null" : input.getClass().getName()) + " does not fit " + method);
                wrongInput.initCause(e);
                throw wrongInput;
            }
        }

        @Override
        public String toString() {
            return method.getDeclaringClass().getName() + "::" + method.getName();
        }
    }
}
