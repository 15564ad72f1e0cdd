package io.github.poolbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MachineInfoTest {

    static Stream<Arguments> machines() {
        Map<String, Object> nested = Map.of(
                "cpu", Map.of("model", "AMD EPYC 7B13", "logicalCores", 8, "availableProcessors", 4),
                "memory", Map.of("totalBytes", 8L << 30),
                "jdk", Map.of("vendor", "Eclipse Adoptium", "version", "25.0.1", "jvmFlags", List.of("-Xmx2g")),
                "virtualization", Map.of("container", "docker"),
                "source", Map.of("gitCommit", "abc123"));
        Map<String, Object> flat =
                Map.of("cpu", "Apple M2", "cores", "8", "memory", "16 GB", "jdk", "25", "date", "2026-01-01");
        return Stream.of(
                Arguments.of(
                        "nested, as the suite writes it",
                        nested,
                        OptionalInt.of(4),
                        Map.of(
                                "CPU",
                                "AMD EPYC 7B13",
                                "Cores",
                                "4 available to the JVM, 8 logical",
                                "Memory",
                                "8.0 GiB",
                                "JDK",
                                "Eclipse Adoptium 25.0.1",
                                "JVM flags",
                                "-Xmx2g",
                                "Virtualisation",
                                "docker",
                                "Git commit",
                                "abc123")),
                Arguments.of(
                        "plain strings, as written by hand: no core count or memory the type knows",
                        flat,
                        OptionalInt.empty(),
                        Map.of("CPU", "Apple M2", "JDK", "25", "Recorded", "2026-01-01")),
                Arguments.of("empty: every fact optional", Map.of(), OptionalInt.empty(), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void readsWhateverFactsTheFileHas(
            String name, Map<String, Object> machine, OptionalInt cores, Map<String, String> facts) {
        MachineInfo info = MachineInfo.of(machine);

        assertEquals(cores, info.cores());
        assertEquals(
                facts,
                info.facts().stream().collect(Collectors.toMap(MachineInfo.Fact::label, MachineInfo.Fact::value)));
        assertTrue(info.facts().stream().allMatch(f -> MachineInfo.LABELS.contains(f.label())));
    }
}
