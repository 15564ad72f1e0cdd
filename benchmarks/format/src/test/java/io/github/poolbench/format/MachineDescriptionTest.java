package io.github.poolbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineDescriptionTest {

    static MachineDescription read(String json) throws IOException {
        return ResultsJson.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), MachineDescription.class);
    }

    @Test
    void readsTheCommittedReferenceMachine() throws IOException {
        MachineDescription machine;
        try (InputStream in = getClass().getResourceAsStream("machine.json")) {
            machine = ResultsJson.read(in, MachineDescription.class);
        }

        assertEquals("amd-epyc-2c-24g-linux-4dc3b4", machine.machineId());
        assertEquals(
                new MachineDescription.Cpu("AMD EPYC", "amd64", 2, 2, 2, "family 23 model 1 stepping 2"),
                machine.cpu());
        assertEquals(new MachineDescription.Memory(25275990016L, null, 25275990016L, 6320816128L), machine.memory());
        assertEquals(7, machine.jdk().jvmFlags().size());
        assertEquals("docker", machine.virtualization().container());
        assertEquals(new MachineDescription.Source("aa24877578b2e2e0cd05c85de873fd08d73293ba", true), machine.source());
    }

    @Test
    void readsBackWhatTheSuiteWrites() throws IOException {
        MachineDescription written = new MachineDescription(
                "lab",
                "lab",
                new MachineDescription.Cpu("Xeon", "amd64", 4, null, 2, null),
                new MachineDescription.Memory(8L << 30, null, 8L << 30, 2L << 30),
                new MachineDescription.Os("Linux", "6.1", "Debian"),
                new MachineDescription.Jdk("Adoptium", "25", "OpenJDK", "25", List.of("G1"), List.of()),
                new MachineDescription.Virtualization("docker", null, null, null, true, List.of("/.dockerenv")),
                new MachineDescription.Source(null, null),
                "2026-01-01T00:00:00Z");

        assertEquals(written, read(new ObjectMapper().writeValueAsString(written)));
    }

    @Test
    void aHandWrittenFileMayGiveFactsAsPlainStrings() throws IOException {
        MachineDescription machine = read("""
                {"id": "laptop", "cpu": "Apple M2", "cores": 8, "memory": "16 GB", "os": "macOS", "jdk": "25.0.1",
                 "container": false, "date": "2026-01-01"}""");

        assertEquals(new MachineDescription.Cpu("Apple M2", null, null, null, null, null), machine.cpu());
        assertEquals(new MachineDescription.Memory(null, null, null, null), machine.memory());
        assertEquals(new MachineDescription.Os("macOS", null, null), machine.os());
        assertEquals("25.0.1", machine.jdk().version());
        assertEquals("2026-01-01", machine.recordedAt());
        assertNull(machine.machineId());
    }

    @Test
    void anEmptyObjectKnowsNothing() throws IOException {
        assertEquals(new MachineDescription(null, null, null, null, null, null, null, null, null), read("{}"));
    }
}
