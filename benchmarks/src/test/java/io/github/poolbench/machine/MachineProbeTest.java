package io.github.poolbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.format.MachineDescription;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineProbeTest {

    private static MachineDescription machine;

    @BeforeAll
    static void describeThisMachine() {
        machine = MachineProbe.describe(null, Path.of("").toAbsolutePath());
    }

    @Test
    void everyMachineFieldIsPresent() {
        assertEquals(machine.derivedMachineId(), machine.machineId());
        assertNotNull(machine.cpu().model());
        assertTrue(machine.cpu().logicalCores() >= 1);
        assertTrue(machine.cpu().availableProcessors() >= 1);
        assertNotNull(machine.memory().totalBytes());
        assertTrue(machine.memory().maxHeapBytes() > 0);
        assertNotNull(machine.os().name());
        assertNotNull(machine.os().kernel());
        assertNotNull(machine.jdk().vendor());
        assertTrue(Runtime.version().feature() >= 25);
        assertTrue(machine.jdk()
                .version()
                .startsWith(Integer.toString(Runtime.version().feature())));
        assertFalse(machine.jdk().garbageCollectors().isEmpty());
        assertNotNull(machine.virtualization().evidence());
        assertNotNull(machine.recordedAt());
    }

    @Test
    void linuxFactsComeFromProc() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertNotNull(machine.cpu().physicalCores());
            assertNotNull(machine.os().distribution());
            assertNotNull(machine.virtualization().hypervisorCpuFlag());
        }
    }

    @Test
    void theTestRunsInsideAGitCheckout() {
        // Surefire runs in benchmarks/, inside the repository.
        assertTrue(
                machine.source().gitCommit().matches("[0-9a-f]{40}"),
                machine.source().gitCommit());
        assertNotNull(machine.source().gitDirty());
    }

    @Test
    void machineNameOverridesTheIdButNotTheDerivedOne() {
        MachineDescription named = MachineProbe.describe("ci-runner", Path.of(""));
        assertEquals("ci-runner", named.machineId());
        assertEquals(machine.derivedMachineId(), named.derivedMachineId());
        assertThrows(IllegalArgumentException.class, () -> MachineProbe.describe("../up", Path.of("")));
    }

    @Test
    void writtenJsonHasNoHostnameNorUserName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        PrivateJson.write(machine, file);
        String json = Files.readString(file);

        JsonNode tree = new ObjectMapper().readTree(json);
        for (String field :
                List.of("machineId", "cpu", "memory", "os", "jdk", "virtualization", "source", "recordedAt")) {
            assertTrue(tree.has(field), field);
        }
        // Token matches: this sandbox's host is called "vm", which "jvm" must not count as.
        String host = InetAddress.getLocalHost().getHostName();
        String user = System.getProperty("user.name");
        assertFalse(Privacy.token(host).matcher(json).find(), "hostname " + host + " in " + json);
        assertFalse(Privacy.token(user).matcher(json).find(), "user name " + user + " in " + json);
        assertFalse(json.contains(System.getProperty("user.home") + "/"), "home directory in " + json);
    }

    @Test
    void theScanWouldCatchALeak(@TempDir Path dir) throws Exception {
        // The guard above must be able to fail: an unscrubbed write of the same names is caught.
        String host = InetAddress.getLocalHost().getHostName();
        String user = System.getProperty("user.name");
        Path file = dir.resolve("leaky.json");
        PrivateJson.write(List.of("on " + host, "by " + user), file, new Privacy(null, Set.of(), Set.of()));
        String json = Files.readString(file);
        assertTrue(Privacy.token(host).matcher(json).find());
        assertTrue(Privacy.token(user).matcher(json).find());
    }
}
