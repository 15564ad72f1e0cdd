package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.pool.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the lessons say about the library and the JDK, held against the code: each test finds the
 * sentence in its lesson and checks the value it states. Reword the sentence and its test must follow;
 * change the library and the sentence must.
 */
class LibraryFactsTest {

    /** "… `ceil(tasks / (4 × workers))`. For the thousand squares on four workers that is ceil(1000 / (4 × 4)) = 63." */
    private static final Pattern CHUNK_RULE = Pattern.compile("`ceil\\(tasks / \\(4 × workers\\)\\)`");

    private static final Pattern CHUNK_EXAMPLE = Pattern.compile("ceil\\((\\d+) / \\(4 × (\\d+)\\)\\) = (\\d+)");

    private static final Pattern COMMON_POOL = Pattern.compile("the common pool has one thread fewer\\s+than");

    @Test
    void theDefaultChunkSizeIsTheOneTheLessonStates() throws IOException {
        String lesson = lesson("pools-and-parallelism.md");
        assertTrue(CHUNK_RULE.matcher(lesson).find(), "the lesson states map's default chunk size rule");
        for (int workers = 1; workers <= 8; workers++) {
            for (int inputs = 0; inputs <= 2_000; inputs++) {
                assertEquals(
                        Math.max(1, (inputs + 4 * workers - 1) / (4 * workers)),
                        WorkerPool.defaultChunkSize(inputs, workers),
                        inputs + " inputs on " + workers + " workers");
            }
        }
        Matcher example = CHUNK_EXAMPLE.matcher(lesson.replace(",", ""));
        assertTrue(example.find(), "the lesson works the rule out for the chart's job");
        assertEquals(
                Integer.parseInt(example.group(3)),
                WorkerPool.defaultChunkSize(Integer.parseInt(example.group(1)), Integer.parseInt(example.group(2))),
                example.group());
    }

    @Test
    void theCommonPoolHasOneThreadFewerThanTheCores() throws IOException {
        assertTrue(COMMON_POOL.matcher(lesson("threads.md")).find(), "the lesson states the common pool's size");
        assertEquals(
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), ForkJoinPool.getCommonPoolParallelism());
    }

    private static String lesson(String name) throws IOException {
        return Files.readString(
                Fixtures.repoRoot().resolve("content").resolve("lessons").resolve(name));
    }
}
