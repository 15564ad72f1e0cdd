package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lessons built, without {@code --strict}, against runs whose machine says 16 cores: the committed
 * reference runs with their {@code machine.json} saying so. The build succeeds, whatever the verdicts; a
 * verdict the prose did not expect is a warning naming its compare tag, and no sentence states the core
 * count of the reference machine as if it were the reader's: what depends on the cores is worded as
 * min(tasks, cores) or read from the data (the charts' core marker).
 */
class SixteenCoresTest {

    /** Wording true on two cores only, which the lessons used to have. */
    private static final Pattern TWO_CORE_WORDING = Pattern.compile(
            "flattens at the core count|both pools can use both cores|machine that built this site"
                    + "|runs every example the way",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path temp;

    @Test
    void theLessonsBuildAgainstASixteenCoreMachineWithoutAFalseCoreCount() throws IOException {
        Path results = temp.resolve("results");
        Fixtures.copy(Fixtures.repoRoot().resolve("content").resolve("results"), results);
        List<Path> machines;
        try (Stream<Path> files = Files.walk(results)) {
            machines = files.filter(p -> p.getFileName().toString().equals("machine.json"))
                    .toList();
        }
        assertTrue(!machines.isEmpty(), "the reference has a machine.json");
        for (Path machine : machines) {
            String json = Files.readString(machine)
                    .replaceAll("\"(logicalCores|physicalCores|availableProcessors)\" : \\d+", "\"$1\" : 16");
            assertTrue(json.contains("\"availableProcessors\" : 16"), json);
            Files.writeString(machine, json);
        }

        BuildSummary summary = new SiteBuilder()
                .build(new BuildRequest(
                        Fixtures.repoRoot().resolve("content"),
                        Fixtures.templates(),
                        results,
                        temp.resolve("site"),
                        Optional.empty(),
                        false));

        for (Diagnostic warning : summary.warnings()) {
            assertTrue(
                    warning.message().startsWith("compare: expected "),
                    "only verdicts the prose did not expect may warn on 16 cores: " + warning);
        }
        try (Stream<Path> pages = Files.walk(temp.resolve("site"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Jsoup.parse(page.toFile()).text();
                assertEquals(
                        List.of(),
                        TWO_CORE_WORDING
                                .matcher(text)
                                .results()
                                .map(m -> m.group())
                                .toList(),
                        page.toString());
                assertTrue(!text.contains("2 cores"), page + " states the reference machine's 2 cores: " + text);
            }
        }
    }
}
