package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryStoreTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path temp;

    private static ResultRun fixtureRun() {
        return ResultsLoader.load(Fixtures.fixture("results")).runs().getFirst();
    }

    @Test
    void recordedRunReadsBackWithScoresIntervalsAndMissingErrors() {
        RunSummary summary = HistoryStore.summarize(fixtureRun(), COMMIT);

        Path file = HistoryStore.record(temp, summary);
        RunSummary read = HistoryStore.read(file, "test-machine");

        assertEquals(temp.resolve("test-machine"), file.getParent());
        assertEquals(summary, read);
        assertEquals(3, read.scores().size());
        Score noError = read.scores().stream()
                .filter(s -> "4".equals(s.params().get("poolSize")))
                .findFirst()
                .orElseThrow();
        assertEquals(302.125, noError.score());
        assertTrue(Double.isNaN(noError.error()), "NaN survives as null and back");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-25T231000Z-quick, 2026-11-25T231000Z",
        "2026-11-25T2318Z-smoke, 2026-11-25T231800Z",
        "2026-11-25T2318Z-full/extra, 2026-11-25T231800Z"
    })
    void measuredAtComesFromTheRunIdToTheSecond(String runId, String expected) {
        ResultRun run = fixtureRun();
        ResultRun renamed = new ResultRun(run.machineId(), runId, run.jmhFile(), run.machine(), run.results());

        assertEquals(expected, HistoryStore.measuredAt(renamed));
    }

    @Test
    void summaryKeepsNoRawSamples() throws IOException {
        Path file = HistoryStore.record(temp, HistoryStore.summarize(fixtureRun(), COMMIT));

        String json = Files.readString(file);
        assertTrue(!json.contains("rawData") && !json.contains("1203.0"), json);
        assertTrue(json.contains("\"commit\": \"" + COMMIT + "\""), json);
    }

    @Test
    void recordingACommitAgainReplacesItsEntry() throws IOException {
        RunSummary first = new RunSummary("m", COMMIT, "2026-11-20T100000Z", "r1", List.of());
        RunSummary again = new RunSummary("m", COMMIT, "2026-11-21T100000Z", "r2", List.of());
        RunSummary other = new RunSummary("m", "fedcba9876543210", "2026-11-22T100000Z", "r3", List.of());

        HistoryStore.record(temp, first);
        HistoryStore.record(temp, other);
        HistoryStore.record(temp, again);

        try (Stream<Path> files = Files.list(temp.resolve("m"))) {
            assertEquals(
                    List.of(again.fileName(), other.fileName()),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void loadsOnlyTheNewestRunsOfEachMachineAndCountsTheRest() {
        for (int day = 10; day < 20; day++) {
            HistoryStore.record(
                    temp, new RunSummary("m", day + "aaaaaaa", "2026-11-" + day + "T100000Z", "r", List.of()));
        }

        List<MachineHistory> history = HistoryStore.load(temp, 3, new Diagnostics(false));

        assertEquals(1, history.size());
        assertEquals(10, history.getFirst().recorded());
        assertEquals(
                List.of("17aaaaaaa", "18aaaaaaa", "19aaaaaaa"),
                history.getFirst().runs().stream().map(RunSummary::commit).toList());
    }

    @Test
    void missingFolderIsAnEmptyHistoryAndDotFoldersAreNoMachines() throws IOException {
        Files.createDirectories(temp.resolve(".git/objects"));

        assertEquals(List.of(), HistoryStore.load(temp.resolve("none"), 5, new Diagnostics(false)));
        assertEquals(List.of(), HistoryStore.load(temp, 5, new Diagnostics(false)));
    }

    @Test
    void brokenFileIsSkippedWithAWarningNamingItsLine() throws IOException {
        Path machine = Fixtures.copy(Fixtures.fixture("history"), temp.resolve("history"))
                .resolve("test-machine");
        Path broken = machine.resolve("2026-11-23T100000Z-4444444ddddd.json");
        Files.writeString(
                broken,
                "{\n  \"format\": 1,\n  \"commit\": \"4444444\",\n  \"scores\": [\n    {\"mode\": \"ss\", \"score\": 1}\n  ]\n}\n");
        Diagnostics diagnostics = new Diagnostics(false);

        List<MachineHistory> history = HistoryStore.load(temp.resolve("history"), 10, diagnostics);

        assertEquals(3, history.getFirst().runs().size(), "the three good runs still load");
        assertEquals(4, history.getFirst().recorded());
        String warning = diagnostics.warnings().getFirst().toString();
        assertTrue(warning.startsWith(broken + ":5:"), warning);
        assertTrue(warning.contains("\"benchmark\""), warning);
    }

    @Test
    void unknownFormatIsNamed() throws IOException {
        Path file = temp.resolve("m/2026-11-20T100000Z-abc.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": 2, \"commit\": \"abc\", \"measuredAt\": \"x\", \"scores\": []}");
        Diagnostics diagnostics = new Diagnostics(false);

        assertEquals(List.of(), HistoryStore.load(temp, 5, diagnostics));
        assertTrue(
                diagnostics.warnings().getFirst().message().contains("unknown history format 2"),
                diagnostics.warnings().toString());
    }

    @Test
    void aRunsHardwareComesFromItsMachineDescriptionAndReadsBack() {
        ResultRun run = fixtureRun();
        ResultRun described = new ResultRun(
                run.machineId(),
                run.runId(),
                run.jmhFile(),
                java.util.Optional.of(new io.github.poolbench.format.MachineDescription(
                        null,
                        null,
                        new io.github.poolbench.format.MachineDescription.Cpu(
                                "AMD EPYC", null, null, null, 2, "family 23 model 1 stepping 2"),
                        new io.github.poolbench.format.MachineDescription.Memory(25275990016L, null, null, null),
                        new io.github.poolbench.format.MachineDescription.Os(
                                "Linux", null, "Debian GNU/Linux 12 (bookworm)"),
                        new io.github.poolbench.format.MachineDescription.Jdk(
                                "Eclipse Adoptium", "25.0.3+9-LTS", null, null, null, null),
                        null,
                        null,
                        null)),
                run.results());

        RunSummary summary = HistoryStore.summarize(described, COMMIT);
        RunSummary read = HistoryStore.read(HistoryStore.record(temp, summary), "test-machine");

        assertEquals(
                new Hardware(
                        "family 23 model 1 stepping 2",
                        "AMD EPYC",
                        "2 available to the JVM",
                        "32 GiB",
                        "Debian GNU/Linux 12 (bookworm) Linux",
                        "Eclipse Adoptium 25.0.3+9-LTS"),
                read.hardware());
        assertEquals(summary, read);
    }

    @Test
    void aSummaryWrittenBeforeHardwareWasKeptIsUnknownHardware() {
        RunSummary summary = HistoryStore.summarize(fixtureRun(), COMMIT);

        assertEquals(Hardware.UNKNOWN, summary.hardware(), "the fixture run has no machine.json");
        assertTrue(!HistoryStore.toJson(summary).contains("hardware"));
    }

    @Test
    void hardwareThatIsNoObjectIsNamed() throws IOException {
        Path file = temp.resolve("m/2026-11-20T100000Z-abc.json");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, "{\"format\": 1, \"commit\": \"abc\", \"measuredAt\": \"x\", \"hardware\": 3, \"scores\": []}");
        Diagnostics diagnostics = new Diagnostics(false);

        assertEquals(List.of(), HistoryStore.load(temp, 5, diagnostics));
        assertEquals(
                file + ":1: \"hardware\" must be an object of texts (run left out of the trends)",
                diagnostics.warnings().getFirst().location() + ": "
                        + diagnostics.warnings().getFirst().message());
    }
}
