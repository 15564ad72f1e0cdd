package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskCodecTest {

    private final AllowList allowList = new AllowList(List.of());

    @SuppressWarnings("unchecked")
    private <T, R> R roundTrip(Task<T, R> task, T input) throws Exception {
        return ((Task<T, R>) TaskCodec.decode(TaskCodec.encode(task), allowList)).apply(input);
    }

    @Test
    void staticMethodReferencesAndLambdasThatCaptureNothingGoByName() throws Exception {
        Task<Integer, Integer> reference = Tasks::square;
        Task<Integer, Integer> lambda = x -> x + 1;
        Task<Integer, Long> widened = x -> (long) x * 3; // boxes to Long, as the task says
        for (Task<?, ?> task : List.of(reference, lambda, widened)) {
            assertEquals(2, TaskCodec.encode(task)[0], "by name: " + task);
            assertInstanceOf(TaskCodec.StaticMethodTask.class, TaskCodec.decode(TaskCodec.encode(task), allowList));
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
            assertEquals((byte) 0xAC, TaskCodec.encode(task)[0], "serialized: " + task);
        }
        assertEquals(107, roundTrip(capturing, 7));
        assertEquals(5, roundTrip(instanceMethod, "hello"));
        assertEquals(49, roundTrip(reboxed, 7));
    }

    @Test
    void aTaskByNameThrowsWhatTheMethodThrows() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> roundTrip(Tasks::failOnThree, 3));
        assertEquals("three is unlucky", thrown.getMessage());
        assertTrue(List.of(thrown.getStackTrace()).stream().anyMatch(frame -> frame.getMethodName().equals("failOnThree")));
        ClassCastException wrongInput = assertThrows(ClassCastException.class,
                () -> roundTrip((Task<Object, Integer>) input -> Tasks.square((Integer) input), "text"));
        assertTrue(wrongInput.getMessage().contains("String"), wrongInput.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClassOffTheAllowListIsNotCalledByName() throws Exception {
        Task<String, java.net.URI> offTheList = java.net.URI::create;
        assertEquals(2, TaskCodec.encode(offTheList)[0]);
        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> TaskCodec.decode(TaskCodec.encode(offTheList), allowList));
        assertTrue(refused.getMessage().contains("java.net.URI; refused"), refused.getMessage());
        assertEquals(java.net.URI.create("a:b"), ((Task<String, ?>) TaskCodec.decode(TaskCodec.encode(offTheList),
                new AllowList(List.of("java.net.URI")))).apply("a:b"));
    }
}
