package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel between parent and worker: private, and a worker that sends garbage on it is killed. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChannelTest {

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theSocketsFolderIsTheUsersAlone() throws Exception {
        Path folder = Channel.privateFolder();
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        } finally {
            Channel.delete(folder);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "digits | java.io.StreamCorruptedException: not a frame: it starts with 0x3031",
                "huge   | java.io.StreamCorruptedException: not a frame: a part of 2147483647 bytes",
                "type   | java.io.StreamCorruptedException: not a frame: unknown type 99"
            })
    void garbageOnTheChannelEndsTheWorkerWithTheReasonInsteadOfHangingOrExhaustingMemory(String garbage, String reason)
            throws Exception {
        Path folder = Channel.privateFolder();
        Path socket = folder.resolve("fake.sock");
        CompletableFuture<String> ended = new CompletableFuture<>();
        WorkerProcess fake = WorkerProcess.spawn(
                "poolbench-test-reader",
                0,
                List.of(
                        Jvm.tool("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FakeWorkerMain.class.getName(),
                        socket.toString(),
                        garbage),
                socket,
                new WorkerProcess.Listener() {
                    @Override
                    public void onReply(WorkerProcess worker, Protocol.Frame reply) {
                        ended.completeExceptionally(new AssertionError("a reply from garbage: " + reply));
                    }

                    @Override
                    public void onExit(WorkerProcess worker, int exitStatus) {
                        ended.complete(worker.describeEnd(exitStatus));
                    }
                });
        try {
            fake.startReader();
            String end = ended.get(60, TimeUnit.SECONDS);
            assertTrue(
                    end.endsWith(" after it sent what the pool could not read (" + reason + "), so the pool killed it"),
                    end);
        } finally {
            fake.kill();
            Channel.delete(folder);
        }
    }
}
