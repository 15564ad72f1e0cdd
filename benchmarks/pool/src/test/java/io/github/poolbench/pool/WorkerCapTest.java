package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The machine's cap on worker processes, from the text of /proc/meminfo. */
class WorkerCapTest {

    @Test
    void theCapIsTheAvailableMemoryOver64MbAWorker() {
        String meminfo = "MemTotal:       24684000 kB\nMemFree:        20000000 kB\nMemAvailable:   16777216 kB\n";
        assertEquals(16L << 30, WorkerCap.availableBytes(meminfo));
        assertEquals(256, WorkerCap.machineCap(WorkerCap.availableBytes(meminfo)));
    }

    @Test
    void withoutMemAvailableTheCapIsAFixedOne() {
        assertEquals(-1, WorkerCap.availableBytes("MemTotal: 1 kB\n"));
        assertEquals(WorkerCap.UNKNOWN_MEMORY_CAP, WorkerCap.machineCap(-1));
    }

    @Test
    void aMachineShortOfMemoryStillHoldsOneWorker() {
        assertEquals(1, WorkerCap.machineCap(10L << 20));
    }
}
