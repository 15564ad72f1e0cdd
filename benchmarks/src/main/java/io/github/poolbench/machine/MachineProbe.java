package io.github.poolbench.machine;

import io.github.poolbench.format.MachineDescription;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gathers a {@link MachineDescription} of the machine it runs on: Linux from {@code /proc} and
 * {@code /sys}, macOS from {@code sysctl}, Windows from environment variables; the JVM's
 * OperatingSystemMXBean wherever those say nothing.
 */
public final class MachineProbe {

    private MachineProbe() {}

    /** CPU, memory and virtualisation facts of one OS family, before they become records. */
    record Hardware(
            String cpuModel,
            int logicalCores,
            Integer physicalCores,
            Long memoryBytes,
            Long memoryLimitBytes,
            String distribution,
            MachineDescription.Virtualization virtualization,
            String cpuSignature) {}

    /**
     * Describes this machine.
     *
     * @param machineName the {@code --machine} override, or null to use the derived id
     * @param checkout a folder inside the git checkout whose commit is recorded
     * @throws IllegalArgumentException if {@code machineName} is not a valid folder name
     */
    public static MachineDescription describe(String machineName, Path checkout) {
        String osName = System.getProperty("os.name", "unknown");
        String family = osName.toLowerCase(Locale.ROOT);
        Hardware hw;
        if (family.contains("linux")) {
            hw = linux(Path.of("/"));
        } else if (family.contains("mac") || family.contains("darwin")) {
            hw = mac();
        } else if (family.contains("windows")) {
            hw = windows();
        } else {
            hw = generic(System.getProperty("os.arch"));
        }
        String arch = System.getProperty("os.arch");
        String derived = MachineId.derive(hw.cpuModel(), hw.logicalCores(), hw.memoryBytes(), osName, arch);
        String id = machineName == null ? derived : MachineId.validate(machineName);
        var cpu = new MachineDescription.Cpu(
                hw.cpuModel(),
                arch,
                hw.logicalCores(),
                hw.physicalCores(),
                Runtime.getRuntime().availableProcessors(),
                hw.cpuSignature());
        var memory = new MachineDescription.Memory(
                hw.memoryBytes(),
                hw.memoryLimitBytes(),
                jvmVisibleMemory(),
                Runtime.getRuntime().maxMemory());
        var os = new MachineDescription.Os(osName, System.getProperty("os.version"), hw.distribution());
        return new MachineDescription(
                id,
                derived,
                cpu,
                memory,
                os,
                jdk(),
                hw.virtualization(),
                source(checkout),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The JDK that runs this code: vendor, versions, collectors and flags. */
    static MachineDescription.Jdk jdk() {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList();
        return new MachineDescription.Jdk(
                System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"),
                collectors,
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** The commit checked out at {@code checkout}, and whether tracked files were changed. */
    static MachineDescription.Source source(Path relative) {
        Path checkout = relative.toAbsolutePath();
        Optional<String> commit = Commands.run(checkout, Commands.DEFAULT_TIMEOUT, List.of("git", "rev-parse", "HEAD"));
        Boolean dirty = commit.isEmpty()
                ? null
                : Commands.run(
                                checkout,
                                Commands.DEFAULT_TIMEOUT,
                                List.of("git", "status", "--porcelain", "--untracked-files=no"))
                        .map(status -> !status.isEmpty())
                        .orElse(null);
        return new MachineDescription.Source(commit.orElse(null), dirty);
    }

    /** Linux, from files under {@code root} ({@code /} outside tests). */
    static Hardware linux(Path root) {
        Optional<String> cpuinfoText = LinuxFacts.read(root.resolve("proc/cpuinfo"));
        LinuxFacts.CpuInfo cpuinfo =
                cpuinfoText.map(LinuxFacts::parseCpuInfo).orElse(new LinuxFacts.CpuInfo(null, 0, null, false, null));
        int logical = cpuinfo.logicalCores() > 0
                ? cpuinfo.logicalCores()
                : Runtime.getRuntime().availableProcessors();
        Integer physical = cpuinfo.physicalCores() != null
                ? cpuinfo.physicalCores()
                : LinuxFacts.physicalCoresFromSysfs(root.resolve("sys/devices/system/cpu"))
                        .orElse(null);
        Long total = LinuxFacts.read(root.resolve("proc/meminfo"))
                .flatMap(LinuxFacts::parseMemTotal)
                .orElse(null);
        Long limit = LinuxFacts.read(root.resolve("sys/fs/cgroup/memory.max"))
                .or(() -> LinuxFacts.read(root.resolve("sys/fs/cgroup/memory/memory.limit_in_bytes")))
                .flatMap(text -> LinuxFacts.parseCgroupMemoryLimit(text, total))
                .orElse(null);
        String distribution = LinuxFacts.read(root.resolve("etc/os-release"))
                .flatMap(LinuxFacts::parseOsRelease)
                .orElse(null);
        String model = cpuinfo.model() != null ? cpuinfo.model() : System.getProperty("os.arch");
        return new Hardware(
                model,
                logical,
                physical,
                total,
                limit,
                distribution,
                linuxVirtualization(root, cpuinfo.hypervisorFlag()),
                cpuinfo.signature());
    }

    private static MachineDescription.Virtualization linuxVirtualization(Path root, boolean hypervisorFlag) {
        List<String> evidence = new ArrayList<>();
        String container = null;
        if (Files.exists(root.resolve(".dockerenv"))) {
            container = "docker";
            evidence.add("/.dockerenv exists");
        }
        if (Files.exists(root.resolve("run/.containerenv"))) {
            container = "podman";
            evidence.add("/run/.containerenv exists");
        }
        Optional<String> fromCgroup =
                LinuxFacts.read(root.resolve("proc/1/cgroup")).flatMap(LinuxFacts::containerFromCgroup);
        if (fromCgroup.isPresent()) {
            // Kubernetes says more than the container runtime under it; otherwise the files win.
            if (container == null || fromCgroup.get().equals("kubernetes")) {
                container = fromCgroup.get();
            }
            evidence.add("/proc/1/cgroup names " + fromCgroup.get());
        }
        if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
            container = "kubernetes";
            evidence.add("KUBERNETES_SERVICE_HOST is set");
        }
        // Only on the real root: a test's fake root must not run the host's tool.
        Optional<String> detectVirt =
                root.equals(Path.of("/")) ? Commands.runAnyExit("systemd-detect-virt") : Optional.empty();
        Optional<String> detectVm =
                root.equals(Path.of("/")) ? Commands.runAnyExit("systemd-detect-virt", "--vm") : Optional.empty();
        detectVirt.ifPresent(out -> evidence.add("systemd-detect-virt: " + out));
        detectVm.ifPresent(out -> evidence.add("systemd-detect-virt, hypervisor only: " + out));
        String product =
                LinuxFacts.read(root.resolve("sys/class/dmi/id/product_name")).orElse(null);
        if (product != null) {
            evidence.add("DMI product name: " + product);
        }
        if (hypervisorFlag) {
            evidence.add("cpuinfo has the hypervisor flag");
        }
        String hypervisor =
                detectVm.filter(vm -> !vm.isBlank() && !vm.equals("none")).orElse(null);
        if (hypervisor == null && hypervisorFlag) {
            hypervisor = "unknown";
        }
        return new MachineDescription.Virtualization(
                container, hypervisor, detectVirt.orElse(null), product, hypervisorFlag, List.copyOf(evidence));
    }

    private static Hardware mac() {
        String model = Commands.run("sysctl", "-n", "machdep.cpu.brand_string").orElse(System.getProperty("os.arch"));
        int logical = Commands.run("sysctl", "-n", "hw.logicalcpu")
                .map(Integer::valueOf)
                .orElse(Runtime.getRuntime().availableProcessors());
        Integer physical = Commands.run("sysctl", "-n", "hw.physicalcpu")
                .map(Integer::valueOf)
                .orElse(null);
        Long memory =
                Commands.run("sysctl", "-n", "hw.memsize").map(Long::valueOf).orElse(jvmVisibleMemory());
        String version = Commands.run("sysctl", "-n", "kern.osproductversion")
                .map(v -> "macOS " + v)
                .orElse(null);
        List<String> evidence = new ArrayList<>();
        Optional<String> vmm = Commands.run("sysctl", "-n", "kern.hv_vmm_present");
        vmm.ifPresent(v -> evidence.add("sysctl kern.hv_vmm_present: " + v));
        String hypervisor = vmm.filter("1"::equals).map(v -> "unknown").orElse(null);
        var virtualization = new MachineDescription.Virtualization(
                null, hypervisor, null, null, vmm.map("1"::equals).orElse(null), List.copyOf(evidence));
        return new Hardware(model, logical, physical, memory, null, version, virtualization, null);
    }

    private static Hardware windows() {
        String model =
                Optional.ofNullable(System.getenv("PROCESSOR_IDENTIFIER")).orElse(System.getProperty("os.arch"));
        int logical = Optional.ofNullable(System.getenv("NUMBER_OF_PROCESSORS"))
                .map(Integer::valueOf)
                .orElse(Runtime.getRuntime().availableProcessors());
        var virtualization = new MachineDescription.Virtualization(null, null, null, null, null, List.of());
        // Windows does not tell physical cores without WMI; unknown is more honest than a guess.
        return new Hardware(model, logical, null, jvmVisibleMemory(), null, null, virtualization, null);
    }

    private static Hardware generic(String arch) {
        var virtualization = new MachineDescription.Virtualization(null, null, null, null, null, List.of());
        return new Hardware(
                arch,
                Runtime.getRuntime().availableProcessors(),
                null,
                jvmVisibleMemory(),
                null,
                null,
                virtualization,
                null);
    }

    private static Long jvmVisibleMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return null;
    }
}
