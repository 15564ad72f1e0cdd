package io.github.poolbench.machine;

import java.util.List;

/**
 * What {@code machine.json} says about the machine behind a run. Unknown facts are {@code null},
 * never guessed.
 *
 * @param machineId the folder name under {@code content/results/}: {@code derivedMachineId}, or the
 *     name given with {@code --machine}
 * @param derivedMachineId the id derived from hardware facts alone ({@link MachineId})
 * @param cpu processor facts
 * @param memory memory facts
 * @param os operating system facts
 * @param jdk the JDK that ran the suite
 * @param virtualization container and hypervisor evidence
 * @param source the git commit of the code that was measured
 * @param recordedAt when this description was taken, ISO-8601 UTC
 */
public record MachineDescription(
        String machineId,
        String derivedMachineId,
        Cpu cpu,
        Memory memory,
        Os os,
        Jdk jdk,
        Virtualization virtualization,
        Source source,
        String recordedAt) {

    /**
     * @param model the marketing name, e.g. {@code AMD EPYC}
     * @param arch the JVM's {@code os.arch}
     * @param logicalCores hardware threads the OS reports
     * @param physicalCores distinct cores (null when the OS does not say)
     * @param availableProcessors what the JVM may use (container CPU limits lower it)
     * @param signature x86 family, model and stepping from {@code /proc/cpuinfo} (null elsewhere):
     *     two hosts behind the same model name, e.g. {@code AMD EPYC}, can differ by generations
     */
    public record Cpu(
            String model,
            String arch,
            int logicalCores,
            Integer physicalCores,
            int availableProcessors,
            String signature) {}

    /**
     * @param totalBytes physical memory the OS reports
     * @param limitBytes a container (cgroup) memory limit, null when there is none
     * @param jvmVisibleBytes what the JVM believes it has (container-aware)
     * @param maxHeapBytes this JVM's maximum heap
     */
    public record Memory(Long totalBytes, Long limitBytes, Long jvmVisibleBytes, long maxHeapBytes) {}

    /**
     * @param name {@code os.name}, e.g. {@code Linux}
     * @param kernel {@code os.version} (the kernel release on Linux)
     * @param distribution e.g. {@code Debian GNU/Linux 12 (bookworm)}, or the macOS product version
     */
    public record Os(String name, String kernel, String distribution) {}

    /**
     * @param vendor {@code java.vendor}
     * @param version {@code java.runtime.version}
     * @param vmName {@code java.vm.name}
     * @param vmVersion {@code java.vm.version}
     * @param garbageCollectors the collectors of this JVM
     * @param jvmFlags this JVM's input arguments (home directory shown as {@code ~})
     */
    public record Jdk(
            String vendor,
            String version,
            String vmName,
            String vmVersion,
            List<String> garbageCollectors,
            List<String> jvmFlags) {}

    /**
     * @param container {@code docker}, {@code podman}, {@code kubernetes}, {@code lxc}, or null
     * @param hypervisor the hypervisor's name when one is detected (e.g. {@code kvm}), {@code
     *     unknown} when only the CPU flag says so, null when none is seen
     * @param systemdDetectVirt the output of {@code systemd-detect-virt}, when installed
     * @param dmiProductName {@code /sys/class/dmi/id/product_name}, when readable
     * @param hypervisorCpuFlag whether {@code /proc/cpuinfo} has the {@code hypervisor} flag
     * @param evidence how each conclusion was reached, one short line a fact
     */
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
    public record Source(String gitCommit, Boolean gitDirty) {}
}
