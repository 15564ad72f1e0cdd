package io.github.poolbench.machine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsers for the Linux files the probe reads; pure functions of the text, so tests feed them. */
final class LinuxFacts {

    private LinuxFacts() {}

    /**
     * What {@code /proc/cpuinfo} says.
     *
     * @param physicalCores distinct (physical id, core id) pairs, null when the file has no core ids
     *     (most ARM kernels)
     * @param signature x86's family, model and stepping, e.g. {@code family 23 model 1 stepping 2},
     *     null elsewhere: a virtual machine's model name often hides the generation
     */
    record CpuInfo(String model, int logicalCores, Integer physicalCores, boolean hypervisorFlag, String signature) {}

    static CpuInfo parseCpuInfo(String text) {
        String model = null;
        int logical = 0;
        Set<String> cores = new HashSet<>();
        boolean hypervisor = false;
        // Keys that name the processor, most specific first: x86, then ARM, then others.
        List<String> modelKeys = List.of("model name", "Model", "Hardware", "cpu model", "uarch", "cpu");
        Map<String, String> firstValues = new LinkedHashMap<>();
        for (String block : text.split("\\R\\s*\\R")) {
            Map<String, String> fields = fields(block);
            if (fields.containsKey("processor")) {
                logical++;
            }
            if (fields.containsKey("core id")) {
                cores.add(fields.getOrDefault("physical id", "0") + ":" + fields.get("core id"));
            }
            String flags = fields.getOrDefault("flags", "");
            if ((" " + flags + " ").contains(" hypervisor ")) {
                hypervisor = true;
            }
            fields.forEach(firstValues::putIfAbsent);
        }
        for (String key : modelKeys) {
            String value = firstValues.get(key);
            if (value != null && !value.isBlank()) {
                model = value;
                break;
            }
        }
        String family = firstValues.get("cpu family");
        String signature = family == null
                ? null
                : "family " + family + " model " + firstValues.getOrDefault("model", "?") + " stepping "
                        + firstValues.getOrDefault("stepping", "?");
        return new CpuInfo(model, logical, cores.isEmpty() ? null : cores.size(), hypervisor, signature);
    }

    /** {@code MemTotal} of {@code /proc/meminfo}, in bytes. */
    static Optional<Long> parseMemTotal(String meminfo) {
        for (String line : meminfo.split("\\R")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                boolean kib = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
                return Optional.of(kib ? value * 1024 : value);
            }
        }
        return Optional.empty();
    }

    /**
     * A cgroup memory limit ({@code memory.max} of v2 or {@code memory.limit_in_bytes} of v1), or
     * empty when it is unlimited: {@code max}, or at least the machine's memory (v1's "no limit" is a
     * huge number).
     */
    static Optional<Long> parseCgroupMemoryLimit(String text, Long totalBytes) {
        String value = text.strip();
        if (value.isEmpty() || value.equals("max")) {
            return Optional.empty();
        }
        long limit = Long.parseLong(value);
        return totalBytes != null && limit >= totalBytes ? Optional.empty() : Optional.of(limit);
    }

    /** {@code PRETTY_NAME} of {@code /etc/os-release}, unquoted. */
    static Optional<String> parseOsRelease(String text) {
        for (String line : text.split("\\R")) {
            if (line.startsWith("PRETTY_NAME=")) {
                String value = line.substring("PRETTY_NAME=".length()).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The container runtime named in {@code /proc/1/cgroup}, if any. Only the runtime's name is
     * returned, never the raw text: it holds container ids, and Docker's default hostname is one.
     */
    static Optional<String> containerFromCgroup(String procOneCgroup) {
        String text = procOneCgroup.toLowerCase(Locale.ROOT);
        if (text.contains("kubepods")) {
            return Optional.of("kubernetes");
        }
        if (text.contains("libpod")) {
            return Optional.of("podman");
        }
        if (text.contains("docker")) {
            return Optional.of("docker");
        }
        if (text.contains("/lxc")) {
            return Optional.of("lxc");
        }
        return Optional.empty();
    }

    /** Distinct (package, core) pairs under {@code /sys/devices/system/cpu}: the ARM fallback. */
    static Optional<Integer> physicalCoresFromSysfs(Path cpuDir) {
        Set<String> cores = new HashSet<>();
        try (DirectoryStream<Path> cpus = Files.newDirectoryStream(cpuDir, "cpu[0-9]*")) {
            for (Path cpu : cpus) {
                Path topology = cpu.resolve("topology");
                Optional<String> core = read(topology.resolve("core_id"));
                if (core.isPresent()) {
                    cores.add(read(topology.resolve("physical_package_id")).orElse("0") + ":" + core.get());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return cores.isEmpty() ? Optional.empty() : Optional.of(cores.size());
    }

    /** A small file's trimmed text, or empty when it is missing or unreadable. */
    static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : block.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
