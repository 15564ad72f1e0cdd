package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Encodes a task for a worker. A static method reference or a lambda that captures nothing goes by name,
 * as Python pickles a function: class, method and descriptor, which the worker calls reflectively. That
 * spares a fresh worker JVM the lambda machinery that deserializing a lambda sets off, tens of
 * milliseconds on its first task. Any other task (capturing lambdas, instance method references, classes
 * implementing {@link Task}) is sent with Java serialization.
 */
final class TaskCodec {

    /** Java serialization streams start with 0xACED, so one leading byte tells the encodings apart. */
    private static final int BY_NAME = 2;
    private static final String TASK_INTERFACE = Task.class.getName().replace('.', '/');
    private static final Map<Character, String> BOXES = Map.of('Z', "Ljava/lang/Boolean;", 'B', "Ljava/lang/Byte;",
            'C', "Ljava/lang/Character;", 'S', "Ljava/lang/Short;", 'I', "Ljava/lang/Integer;",
            'J', "Ljava/lang/Long;", 'F', "Ljava/lang/Float;", 'D', "Ljava/lang/Double;", 'V', "Ljava/lang/Void;");

    private TaskCodec() {
    }

    static byte[] encode(Task<?, ?> task) throws IOException {
        SerializedLambda lambda = serializedLambda(task);
        if (lambda == null || !callableByName(lambda)) {
            return AllowList.serialize(task);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BY_NAME);
            out.writeUTF(lambda.getImplClass().replace('/', '.'));
            out.writeUTF(lambda.getImplMethodName());
            out.writeUTF(lambda.getImplMethodSignature());
        }
        return bytes.toByteArray();
    }

    static Task<?, ?> decode(byte[] encoded, AllowList allowList) throws IOException, ClassNotFoundException {
        if (encoded.length == 0 || encoded[0] != BY_NAME) {
            return (Task<?, ?>) allowList.deserialize(encoded);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1));
        String className = in.readUTF();
        String methodName = in.readUTF();
        String descriptor = in.readUTF();
        Class<?> owner = Class.forName(className, false, TaskCodec.class.getClassLoader());
        if (!allowList.allows(owner)) {
            throw allowList.refusal(className);
        }
        for (Method method : owner.getDeclaredMethods()) {
            if (method.getName().equals(methodName) && descriptor(method).equals(descriptor)) {
                method.setAccessible(true); // a lambda's body is a private method
                return new StaticMethodTask(method);
            }
        }
        throw new InvalidClassException(className, "has no static method " + methodName + descriptor);
    }

    /** The lambda's serial form, if the task is a serializable lambda whose class lets us see it. */
    private static SerializedLambda serializedLambda(Task<?, ?> task) {
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
        if (lambda.getCapturedArgCount() != 0 || lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
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
        return taskReturn.equals("Ljava/lang/Object;") || taskReturn.equals(implReturn)
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
        return descriptor.append(')').append(method.getReturnType().descriptorString()).toString();
    }

    /** A task that calls a static method; a plain class, so that making one spins no lambda class. */
    static final class StaticMethodTask implements Task<Object, Object> {
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
                ClassCastException wrongInput = new ClassCastException("input of " + (input == null ? "null"
                        : input.getClass().getName()) + " does not fit " + method);
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
