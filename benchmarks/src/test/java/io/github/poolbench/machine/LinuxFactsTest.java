package io.github.poolbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinuxFactsTest {

    static final String X86 = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      cpu family\t: 25
      model\t\t: 1
      model name\t: AMD EPYC 7B13
      stepping\t: 1
      physical id\t: 0
      core id\t\t: 0
      flags\t\t: fpu vme sse hypervisor avx2

      processor\t: 1
      model name\t: AMD EPYC 7B13
      physical id\t: 0
      core id\t\t: 0
      flags\t\t: fpu vme sse hypervisor avx2

      processor\t: 2
      model name\t: AMD EPYC 7B13
      physical id\t: 0
      core id\t\t: 1
      flags\t\t: fpu vme sse hypervisor avx2
      """;

    static final String ARM = """
      processor\t: 0
      BogoMIPS\t: 48.00
      Features\t: fp asimd

      processor\t: 1
      BogoMIPS\t: 48.00

      Hardware\t: BCM2835
      Model\t\t: Raspberry Pi 4 Model B Rev 1.4
      """;

    @Test
    void x86CpuInfoCountsThreadsCoresAndTheHypervisorFlag() {
        var info = LinuxFacts.parseCpuInfo(X86);
        assertEquals("AMD EPYC 7B13", info.model());
        assertEquals(3, info.logicalCores());
        assertEquals(2, info.physicalCores()); // two threads share core 0
        assertTrue(info.hypervisorFlag());
        assertEquals("family 25 model 1 stepping 1", info.signature());
    }

    @Test
    void armCpuInfoHasAModelButNoCoreIds() {
        var info = LinuxFacts.parseCpuInfo(ARM);
        assertEquals("Raspberry Pi 4 Model B Rev 1.4", info.model());
        assertEquals(2, info.logicalCores());
        assertNull(info.physicalCores());
        assertFalse(info.hypervisorFlag());
        assertNull(info.signature());
    }

    @Test
    void memTotalIsInKibibytes() {
        assertEquals(
                Optional.of(24_000_000L * 1024),
                LinuxFacts.parseMemTotal("MemTotal:       24000000 kB\nMemFree: 1 kB\n"));
        assertEquals(Optional.empty(), LinuxFacts.parseMemTotal("MemFree: 1 kB\n"));
    }

    @ParameterizedTest(name = "cgroup limit \"{0}\" -> {1}")
    @CsvSource(
            value = {"max, NONE", "'', NONE", "9223372036854771712, NONE", "2147483648, 2147483648", "4294967296, NONE"
            },
            nullValues = "NONE")
    void cgroupLimitIsEmptyWhenUnlimited(String text, Long expected) {
        assertEquals(Optional.ofNullable(expected), LinuxFacts.parseCgroupMemoryLimit(text, 4L << 30));
    }

    @Test
    void osReleasePrettyNameIsUnquoted() {
        assertEquals(
                Optional.of("Debian GNU/Linux 12 (bookworm)"),
                LinuxFacts.parseOsRelease(
                        "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            value = {
                "0::/, NONE",
                "12:memory:/docker/3f1e2a9c0b7d, docker",
                "0::/kubepods/besteffort/pod1/abc, kubernetes",
                "0::/machine.slice/libpod-abc.scope, podman",
                "0::/lxc/ct1, lxc"
            },
            nullValues = "NONE")
    void containerIsNamedNeverQuoted(String cgroup, String expected) {
        assertEquals(Optional.ofNullable(expected), LinuxFacts.containerFromCgroup(cgroup));
    }

    @Test
    void sysfsTopologyCountsCores(@TempDir Path cpuDir) throws Exception {
        String[][] cpus = {{"cpu0", "0"}, {"cpu1", "0"}, {"cpu2", "1"}, {"cpu3", "1"}};
        for (String[] cpu : cpus) {
            Path topology = Files.createDirectories(cpuDir.resolve(cpu[0]).resolve("topology"));
            Files.writeString(topology.resolve("core_id"), cpu[1] + "\n");
            Files.writeString(topology.resolve("physical_package_id"), "0\n");
        }
        Files.createDirectories(cpuDir.resolve("cpufreq")); // not a cpuN folder
        assertEquals(Optional.of(2), LinuxFacts.physicalCoresFromSysfs(cpuDir));
    }

    @Test
    void aFakeRootIsReadLikeTheRealOne(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/1"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("sys/fs/cgroup"));
        Files.writeString(root.resolve("proc/cpuinfo"), X86);
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal: 8388608 kB\n");
        Files.writeString(root.resolve("proc/1/cgroup"), "0::/kubepods/pod/x\n");
        Files.writeString(root.resolve("sys/fs/cgroup/memory.max"), "2147483648\n");
        Files.writeString(root.resolve("etc/os-release"), "PRETTY_NAME='Alpine Linux v3.20'\n");
        Files.writeString(root.resolve(".dockerenv"), "");

        MachineProbe.Hardware hw = MachineProbe.linux(root);

        assertEquals("AMD EPYC 7B13", hw.cpuModel());
        assertEquals(3, hw.logicalCores());
        assertEquals(2, hw.physicalCores());
        assertEquals(8L << 30, hw.memoryBytes());
        assertEquals(2L << 30, hw.memoryLimitBytes());
        assertEquals("Alpine Linux v3.20", hw.distribution());
        assertEquals("kubernetes", hw.virtualization().container());
        assertEquals("unknown", hw.virtualization().hypervisor());
        assertTrue(hw.virtualization().evidence().contains("/.dockerenv exists"));
    }
}
