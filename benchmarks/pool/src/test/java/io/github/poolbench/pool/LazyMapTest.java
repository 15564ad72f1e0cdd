package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** imap and imapUnordered: lazy, bounded in flight, in order or as finished; and map's default chunk size. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LazyMapTest {

    @TempDir
    Path temp;

    /** Counts how many inputs have been read, to show that they are read lazily. */
    private static final class Counted implements Iterable<Integer> {
        final AtomicInteger read = new AtomicInteger();
        private final int count;

        Counted(int count) {
            this.count = count;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return read.get() < count;
                }

                @Override
                public Integer next() {
                    return read.getAndIncrement();
                }
            };
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void imapYieldsResultsInInputOrderReadingInputsOnlyAsNeeded(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            Counted inputs = new Counted(1_000);
            Iterator<Integer> results;
            try (Stream<Integer> stream = pool.imap(Tasks::square, inputs, 3)) {
                results = stream.iterator();
                assertEquals(0, results.next());
                assertTrue(
                        inputs.read.get() <= 3 * 4 * 2 + 3, "read ahead no more than the window: " + inputs.read.get());
                List<Integer> rest = new ArrayList<>();
                results.forEachRemaining(rest::add);
                assertEquals(
                        WorkerPoolTest.range(1_000).stream()
                                .skip(1)
                                .map(x -> x * x)
                                .toList(),
                        rest);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void imapUnorderedYieldsEveryResultOnceAsTheyFinish(PoolKind kind) throws Exception {
        Path release = temp.resolve("release");
        try (WorkerPool pool = WorkerPool.open(kind, 2);
                Stream<String> stream =
                        pool.imapUnordered(Tasks::holdUntilReleased, List.of(release.toString(), "", "", ""))) {
            // The first input ends only when this test lets it, after the other three came: in input
            // order, the first result would wait for it until the pool's timeout.
            Iterator<String> results = stream.iterator();
            List<String> quick = List.of(results.next(), results.next(), results.next());
            Files.createFile(release);
            assertEquals(List.of("quick", "quick", "quick"), quick);
            assertEquals("released", results.next());
            assertFalse(results.hasNext());
        } finally {
            if (!Files.exists(release)) {
                Files.createFile(release); // lets a THREAD or VIRTUAL task go
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void aFailureInImapIsThrownWithItsInputAndThePoolCarriesOn(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            TaskFailedException error = assertThrows(
                    TaskFailedException.class,
                    () -> pool.imap(Tasks::failOnThree, WorkerPoolTest.range(10))
                            .toList());
            assertTrue(error.getMessage().contains("input 3 (index 3)"), error.getMessage());
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2)));
        }
    }

    @Test
    void imapOfTwoHundredThousandKilobyteInputsRunsInASixtyFourMegabyteParent() throws Exception {
        Jvm.Outcome outcome = Jvm.run(
                List.of(
                        Jvm.tool("java"),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ImapParentMain.class.getName()),
                "",
                Duration.ofMinutes(2));
        assertEquals(
                new Jvm.Outcome(0, "200000 results, " + 200_000L * 1024 + " characters" + System.lineSeparator(), ""),
                outcome);
    }

    @Test
    void mapsDefaultChunkSizeIsPythonsCeilingOfNOverFourTimesTheWorkers() {
        assertEquals(1, AbstractWorkerPool.defaultChunkSize(10, 4));
        assertEquals(1, AbstractWorkerPool.defaultChunkSize(16, 4));
        assertEquals(2, AbstractWorkerPool.defaultChunkSize(17, 4));
        assertEquals(63, AbstractWorkerPool.defaultChunkSize(1_000, 4));
        assertEquals(1, AbstractWorkerPool.defaultChunkSize(0, 4));
        assertEquals(1, AbstractWorkerPool.defaultChunkSize(1_000, 0), "an unbounded virtual pool");
    }
}
