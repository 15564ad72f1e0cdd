package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskCodecTest {

    private static final ClassLoader LOADER = TaskCodecTest.class.getClassLoader();
    private final AllowList allowList = new AllowList(List.of());

    @SuppressWarnings("unchecked")
    private <T, R> R roundTrip(Task<T, R> task, T input) throws Exception {
        return ((Task<T, R>) TaskCodec.decode(TaskCodec.encode(task), allowList, LOADER)).apply(input);
    }

    @Test
    void staticMethodReferencesAndLambdasThatCaptureNothingGoByName() throws Exception {
        Task<Integer, Integer> reference = Tasks::square;
        Task<Integer, Integer> lambda = x -> x + 1;
        Task<Integer, Long> widened = x -> (long) x * 3; // boxes to Long, as the task says
        for (Task<?, ?> task : List.of(reference, lambda, widened)) {
            assertEquals(TaskCodec.BY_NAME, TaskCodec.encode(task)[0], "by name: " + task);
            assertInstanceOf(
                    TaskCodec.StaticMethodTask.class, TaskCodec.decode(TaskCodec.encode(task), allowList, LOADER));
        }
        assertEquals(49, roundTrip(reference, 7));
        assertEquals(8, roundTrip(lambda, 7));
        assertEquals(21L, roundTrip(widened, 7));
    }

    @Test
    void capturingLambdasAndOtherTasksAreSerialized() throws Exception {
        int offset = 100;
        Task<Integer, Integer> capturing = x -> x + offset;
        Task<String, Integer> instanceMethod = String::length; // the receiver is the input: not static
        Task<Integer, Number> reboxed = Tasks::square; // int to Number: left to the lambda machinery
        for (Task<?, ?> task : List.of(capturing, instanceMethod, reboxed)) {
            assertEquals(TaskCodec.SERIALIZED, TaskCodec.encode(task)[0], "serialized: " + task);
        }
        assertEquals(107, roundTrip(capturing, 7));
        assertEquals(5, roundTrip(instanceMethod, "hello"));
        assertEquals(49, roundTrip(reboxed, 7));
    }

    @Test
    void aTaskByNameThrowsWhatTheMethodThrows() {
        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> roundTrip(Tasks::failOnThree, 3));
        assertEquals("three is unlucky", thrown.getMessage());
        assertTrue(List.of(thrown.getStackTrace()).stream()
                .anyMatch(frame -> frame.getMethodName().equals("failOnThree")));
        ClassCastException wrongInput = assertThrows(
                ClassCastException.class,
                () -> roundTrip((Task<Object, Integer>) input -> Tasks.square((Integer) input), "text"));
        assertTrue(wrongInput.getMessage().contains("String"), wrongInput.getMessage());
    }

    @Test
    void aTaskTravelsWithTheClassesItIsOfAndWasWrittenIn() throws Exception {
        Task<Integer, Integer> lambda = x -> x * 2;
        assertEquals(List.of(TaskCodecTest.class.getName()), TaskCodec.granted(TaskCodec.encode(lambda)));
        Task<Integer, Integer> reference = Tasks::square;
        assertEquals(
                List.of(TaskCodecTest.class.getName(), Tasks.class.getName()),
                TaskCodec.granted(TaskCodec.encode(reference)));
        AllowList granting = new AllowList(List.of());
        assertFalse(granting.allows(java.net.URI.class));
        TaskCodec.decode(TaskCodec.encode((Task<String, java.net.URI>) java.net.URI::create), granting, LOADER);
        assertTrue(granting.allows(java.net.URI.class), "the class of a method reference is allowed once sent");
    }

    @Test
    void aForgedCallByNameOfAMethodNoLambdaTargetsIsRefused() throws Exception {
        // What encode writes for Tasks::square, but naming a static method no lambda here refers to.
        byte[] forged = forgeByName(TaskCodecTest.class.getName(), "java.lang.System", "exit", "(I)V");
        InvalidClassException refused =
                assertThrows(InvalidClassException.class, () -> TaskCodec.decode(forged, allowList, LOADER));
        assertEquals(
                TaskCodecTest.class.getName() + "; defines no serializable lambda or method reference that calls"
                        + " java.lang.System.exit(I)V, so the worker will not call it by name",
                refused.getMessage());
        Task<Integer, Integer> genuine = Tasks::square;
        assertEquals(49, roundTrip(genuine, 7), "a real method reference still goes by name");
    }

    @Test
    void aCallByNameFromAClassOffTheAllowListIsRefused() throws Exception {
        byte[] forged = forgeByName("java.net.URI", "java.net.URI", "create", "(Ljava/lang/String;)Ljava/net/URI;");
        InvalidClassException refused =
                assertThrows(InvalidClassException.class, () -> TaskCodec.decode(forged, allowList, LOADER));
        assertTrue(
                refused.getMessage()
                        .startsWith("java.net.URI; refused to deserialize it: not on the pool's allow-list"),
                refused.getMessage());
    }

    private static byte[] forgeByName(String capturing, String owner, String method, String descriptor)
            throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(TaskCodec.BY_NAME);
            out.writeShort(0); // no classes granted
            out.writeShort(0); // none shipped
            out.writeUTF(capturing);
            out.writeUTF(owner);
            out.writeUTF(method);
            out.writeUTF(descriptor);
        }
        return bytes.toByteArray();
    }
}
