package io.github.poolbench.format;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What {@code machine.json} says about the machine behind a run: the suite writes this record and
 * the site reads it back as the same type ({@link ResultsJson}). Unknown facts are {@code null},
 * never guessed; fields this type does not know are ignored.
 *
 * <p>Files written by hand are read too (Jackson takes a string where an object is due through the
 * object type's {@code valueOf(String)}): {@code cpu}, {@code os} and {@code jdk} may be a plain
 * string (the CPU's model, the OS's name, the JDK's version), {@code memory} a size in words (not
 * understood, so unknown), and {@code date} stands for {@code recordedAt}.
 *
 * @param machineId the folder name under {@code content/results/}: {@code derivedMachineId}, or the
 *     name given with {@code --machine}
 * @param derivedMachineId the id derived from hardware facts alone
 * @param cpu processor facts
 * @param memory memory facts
 * @param os operating system facts
 * @param jdk the JDK that ran the suite
 * @param virtualization container and hypervisor evidence
 * @param source the git commit of the code that was measured
 * @param recordedAt when this description was taken, ISO-8601 UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineDescription(
        String machineId,
        String derivedMachineId,
        Cpu cpu,
        Memory memory,
        Os os,
        Jdk jdk,
        Virtualization virtualization,
        Source source,
        @JsonAlias("date") String recordedAt) {

    /**
     * @param model the marketing name, e.g. {@code AMD EPYC}
     * @param arch the JVM's {@code os.arch}
     * @param logicalCores hardware threads the OS reports
     * @param physicalCores distinct cores (null when the OS does not say)
     * @param availableProcessors what the JVM may use (container CPU limits lower it)
     * @param signature x86 family, model and stepping from {@code /proc/cpuinfo} (null elsewhere):
     *     two hosts behind the same model name, e.g. {@code AMD EPYC}, can differ by generations
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(
            String model,
            String arch,
            Integer logicalCores,
            Integer physicalCores,
            Integer availableProcessors,
            String signature) {

        /** {@code "cpu": "Apple M2"}, as written by hand: the model alone. */
        public static Cpu valueOf(String model) {
            return new Cpu(model, null, null, null, null, null);
        }
    }

    /**
     * @param totalBytes physical memory the OS reports
     * @param limitBytes a container (cgroup) memory limit, null when there is none
     * @param jvmVisibleBytes what the JVM believes it has (container-aware)
     * @param maxHeapBytes this JVM's maximum heap
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(Long totalBytes, Long limitBytes, Long jvmVisibleBytes, Long maxHeapBytes) {

        /** {@code "memory": "16 GB"}, as written by hand: not a byte count, so every size is unknown. */
        public static Memory valueOf(String words) {
            return new Memory(null, null, null, null);
        }
    }

    /**
     * @param name {@code os.name}, e.g. {@code Linux}
     * @param kernel {@code os.version} (the kernel release on Linux)
     * @param distribution e.g. {@code Debian GNU/Linux 12 (bookworm)}, or the macOS product version
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Os(String name, String kernel, String distribution) {

        /** {@code "os": "Linux"}, as written by hand: the name alone. */
        public static Os valueOf(String name) {
            return new Os(name, null, null);
        }
    }

    /**
     * @param vendor {@code java.vendor}
     * @param version {@code java.runtime.version}
     * @param vmName {@code java.vm.name}
     * @param vmVersion {@code java.vm.version}
     * @param garbageCollectors the collectors of this JVM
     * @param jvmFlags this JVM's input arguments (home directory shown as {@code ~})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jdk(
            String vendor,
            String version,
            String vmName,
            String vmVersion,
            List<String> garbageCollectors,
            List<String> jvmFlags) {

        /** {@code "jdk": "25.0.1"}, as written by hand: the version alone. */
        public static Jdk valueOf(String version) {
            return new Jdk(null, version, null, null, null, null);
        }
    }

    /**
     * @param container {@code docker}, {@code podman}, {@code kubernetes}, {@code lxc}, or null
     * @param hypervisor the hypervisor's name when one is detected (e.g. {@code kvm}), {@code
     *     unknown} when only the CPU flag says so, null when none is seen
     * @param systemdDetectVirt the output of {@code systemd-detect-virt}, when installed
     * @param dmiProductName {@code /sys/class/dmi/id/product_name}, when readable
     * @param hypervisorCpuFlag whether {@code /proc/cpuinfo} has the {@code hypervisor} flag
     * @param evidence how each conclusion was reached, one short line a fact
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Virtualization(
            String container,
            String hypervisor,
            String systemdDetectVirt,
            String dmiProductName,
            Boolean hypervisorCpuFlag,
            List<String> evidence) {}

    /**
     * @param gitCommit the full commit hash, null outside a git checkout
     * @param gitDirty whether tracked files differ from that commit
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String gitCommit, Boolean gitDirty) {}
}
