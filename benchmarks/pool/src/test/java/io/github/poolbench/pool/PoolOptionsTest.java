package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each {@code with…} changes its own component and keeps every other; the record's checks still hold. */
class PoolOptionsTest {

    private static final PoolOptions BASE = PoolOptions.defaults();
    private static final Initializer SET_UP = () -> {};

    /** {@link #BASE} with the components given in order; the test names the one it expects changed. */
    private static PoolOptions base(
            Duration defaultTimeout,
            Duration startTimeout,
            Duration closeGrace,
            List<String> flags,
            List<String> allowed,
            int maxTasks,
            Initializer initializer,
            int cap,
            Duration heartbeat,
            int spares,
            boolean warmUp,
            List<String> warmUpClasses) {
        return new PoolOptions(
                defaultTimeout,
                startTimeout,
                closeGrace,
                flags,
                allowed,
                maxTasks,
                initializer,
                cap,
                heartbeat,
                spares,
                warmUp,
                warmUpClasses);
    }

    @Test
    void eachWitherChangesOnlyItsOwnComponent() {
        Duration d = BASE.defaultTimeout();
        Duration s = BASE.startTimeout();
        Duration g = BASE.closeGrace();
        Duration h = BASE.heartbeatTimeout();
        List<String> none = List.of();
        Duration seven = Duration.ofSeconds(7);
        assertEquals(base(seven, s, g, none, none, 0, null, 0, h, 0, false, none), BASE.withDefaultTimeout(seven));
        assertEquals(base(d, seven, g, none, none, 0, null, 0, h, 0, false, none), BASE.withStartTimeout(seven));
        assertEquals(base(d, s, seven, none, none, 0, null, 0, h, 0, false, none), BASE.withCloseGrace(seven));
        assertEquals(
                base(d, s, g, List.of("-Xmx64m"), none, 0, null, 0, h, 0, false, none),
                BASE.withWorkerJvmFlags("-Xmx64m"));
        assertEquals(
                base(d, s, g, none, List.of("com.example.*"), 0, null, 0, h, 0, false, none),
                BASE.withAllowedClasses("com.example.*"));
        assertEquals(base(d, s, g, none, none, 3, null, 0, h, 0, false, none), BASE.withMaxTasksPerWorker(3));
        assertEquals(base(d, s, g, none, none, 0, SET_UP, 0, h, 0, false, none), BASE.withInitializer(SET_UP));
        assertEquals(base(d, s, g, none, none, 0, null, 5, h, 0, false, none), BASE.withWorkerProcessCap(5));
        assertEquals(base(d, s, g, none, none, 0, null, 0, seven, 0, false, none), BASE.withHeartbeatTimeout(seven));
        assertEquals(base(d, s, g, none, none, 0, null, 0, h, 2, false, none), BASE.withSpareWorkers(2));
        assertEquals(base(d, s, g, none, none, 0, null, 0, h, 0, true, List.of("a.B")), BASE.withWarmUp("a.B"));
    }

    @Test
    void warmUpWithoutClassesForgetsTheClassesNamedBefore() {
        assertEquals(List.of(), BASE.withWarmUp("a.B").withWarmUp(true).warmUpClasses());
    }

    @Test
    void aWitherCannotMakeAnInvalidCopy() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> BASE.withSpareWorkers(-1));
        assertEquals("spareWorkers must be 0 (none) or more: -1", error.getMessage());
    }

    @Test
    void changesAddUpAcrossWithers() {
        PoolOptions options = BASE.withSpareWorkers(1).withMaxTasksPerWorker(4);
        assertEquals(List.of(1, 4), List.of(options.spareWorkers(), options.maxTasksPerWorker()));
    }
}
