package io.github.poolbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MachineIdTest {

    private static final long GIB = 1L << 30;

    @Test
    void readableSlugAndShortHash() {
        String id = MachineId.derive("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz", 8, 16 * GIB, "Linux", "amd64");
        assertTrue(id.matches("intel-core-i7-8650u-1-90ghz-8c-16g-linux-[0-9a-f]{6}"), id);
    }

    @Test
    void stableAcrossCallsAndSmallMemoryDrift() {
        // MemTotal moves by a few MiB between kernels; the rounded GiB, and so the id, must not.
        assertEquals(
                MachineId.derive("AMD EPYC", 2, 24 * GIB - 3_000_000, "Linux", "amd64"),
                MachineId.derive("AMD EPYC", 2, 24 * GIB + 1_000_000, "Linux", "amd64"));
    }

    @Test
    void differentHardwareDifferentId() {
        assertNotEquals(
                MachineId.derive("AMD EPYC", 2, 24 * GIB, "Linux", "amd64"),
                MachineId.derive("AMD EPYC", 4, 24 * GIB, "Linux", "amd64"));
        assertNotEquals(
                MachineId.derive("AMD EPYC", 2, 24 * GIB, "Linux", "amd64"),
                MachineId.derive("AMD EPYC", 2, 24 * GIB, "Linux", "aarch64"));
    }

    @Test
    void unknownFactsStillGiveAnId() {
        assertTrue(MachineId.derive(null, 1, null, "", "x").startsWith("unknown-1c-0g-unknown-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci-runner", "laptop.2026", "m1_max-64g"})
    void validNamesPass(String name) {
        assertEquals(name, MachineId.validate(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Laptop", "../etc", "a/b", "-x", "a..b", "with space"})
    void namesThatAreNoSafeFolderAreRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> MachineId.validate(name));
    }
}
