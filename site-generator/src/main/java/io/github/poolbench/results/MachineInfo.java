package io.github.poolbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a run's {@code machine.json} says, read tolerantly: every field is optional, and both the
 * suite's nested form ({@code cpu.model}) and flat forms ({@code cpuModel}, {@code cpu}) are
 * understood, so files written by hand or by older versions still describe their machine.
 *
 * @param facts the card's rows, label then value, in a fixed order; unknown facts are left out
 * @param cores the processors the JVM could use, when known: where a parallel speed-up tops out
 */
public record MachineInfo(List<Fact> facts, OptionalInt cores) {

    /** One row of a machine card. */
    public record Fact(String label, String value) {}

    public MachineInfo {
        facts = List.copyOf(facts);
    }

    /** The labels compared across machines, in card order. */
    public static final List<String> LABELS = List.of(
            "CPU",
            "Cores",
            "Memory",
            "OS",
            "JDK",
            "JVM flags",
            "Virtualisation",
            "Git commit",
            "Recorded",
            "Load average");

    public static MachineInfo of(Map<String, Object> machine) {
        OptionalInt cores = integer(
                machine, "cpu.availableProcessors", "availableProcessors", "cpu.logicalCores", "cores", "cpu.cores");
        List<Fact> facts = new ArrayList<>();
        add(facts, "CPU", text(machine, "cpu.model", "cpuModel", "cpu"));
        add(facts, "Cores", cores(machine, cores));
        add(facts, "Memory", memory(machine));
        add(
                facts,
                "OS",
                joined(machine, "os.distribution", "os.name", "os.kernel").or(() -> text(machine, "os")));
        add(
                facts,
                "JDK",
                joined(machine, "jdk.vendor", "jdk.version").or(() -> text(machine, "jdk", "jdkVersion", "java")));
        add(facts, "JVM flags", text(machine, "jdk.jvmFlags", "jvmFlags", "jvmArgs"));
        add(facts, "Virtualisation", virtualisation(machine));
        add(facts, "Git commit", text(machine, "source.gitCommit", "gitCommit", "git.commit", "commit"));
        add(facts, "Recorded", text(machine, "recordedAt", "date"));
        add(facts, "Load average", text(machine, "loadAverage", "loadAverages", "load"));
        return new MachineInfo(facts, cores);
    }

    /**
     * The CPU's family, model and stepping ({@code cpu.signature}), when the file has it: the trend
     * page's hardware signature starts with it (not a card row: readers compare models, not steppings).
     */
    public static Optional<String> cpuSignature(Map<String, Object> machine) {
        return text(machine, "cpu.signature", "cpuSignature");
    }

    /** The value of a fact, when the file had it. */
    public Optional<String> fact(String label) {
        return facts.stream()
                .filter(f -> f.label().equals(label))
                .map(Fact::value)
                .findFirst();
    }

    private static void add(List<Fact> facts, String label, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> facts.add(new Fact(label, v)));
    }

    private static Optional<String> cores(Map<String, Object> machine, OptionalInt available) {
        OptionalInt logical = integer(machine, "cpu.logicalCores");
        OptionalInt physical = integer(machine, "cpu.physicalCores");
        if (available.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(available.getAsInt() + " available to the JVM");
        if (logical.isPresent() && logical.getAsInt() != available.getAsInt()) {
            text.append(", ").append(logical.getAsInt()).append(" logical");
        }
        physical.ifPresent(p -> text.append(", ").append(p).append(" physical"));
        return Optional.of(text.toString());
    }

    private static Optional<String> memory(Map<String, Object> machine) {
        Optional<Object> bytes = value(machine, "memory.totalBytes").or(() -> value(machine, "memoryBytes"));
        if (bytes.isPresent() && bytes.get() instanceof Number number) {
            StringBuilder text = new StringBuilder(gib(number.doubleValue()));
            value(machine, "memory.limitBytes")
                    .filter(Number.class::isInstance)
                    .ifPresent(limit -> text.append(" (container limit ")
                            .append(gib(((Number) limit).doubleValue()))
                            .append(')'));
            return Optional.of(text.toString());
        }
        return text(machine, "memory");
    }

    private static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }

    private static Optional<String> virtualisation(Map<String, Object> machine) {
        Optional<String> nested = joined(machine, "virtualization.container", "virtualization.hypervisor");
        if (nested.isPresent()) {
            return nested;
        }
        if (value(machine, "virtualization").orElse(null) instanceof Map<?, ?>) {
            return Optional.of("none detected");
        }
        return text(machine, "virtualisation", "virtualization");
    }

    /** The non-blank values of several paths, joined by spaces; empty when none is there. */
    private static Optional<String> joined(Map<String, Object> machine, String... paths) {
        List<String> parts = new ArrayList<>();
        for (String path : paths) {
            text(machine, path).ifPresent(parts::add);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    /** The first path that holds a scalar or a list, as text. */
    private static Optional<String> text(Map<String, Object> machine, String... paths) {
        for (String path : paths) {
            Optional<String> found = value(machine, path).flatMap(MachineInfo::asText);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> asText(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? Optional.of("(none)")
                    : Optional.of(
                            String.join(" ", list.stream().map(String::valueOf).toList()));
        }
        if (value instanceof Map<?, ?>) {
            return Optional.empty();
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static OptionalInt integer(Map<String, Object> machine, String... paths) {
        for (String path : paths) {
            Optional<Object> value = value(machine, path);
            if (value.isPresent() && value.get() instanceof Number number && number.intValue() > 0) {
                return OptionalInt.of(number.intValue());
            }
            if (value.isPresent()
                    && value.get() instanceof String text
                    && text.strip().matches("\\d+")) {
                return OptionalInt.of(Integer.parseInt(text.strip()));
            }
        }
        return OptionalInt.empty();
    }

    /** A value by dotted path through nested objects. */
    private static Optional<Object> value(Map<String, Object> machine, String path) {
        Object current = machine;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || map.get(part) == null) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.of(current);
    }
}
