package io.github.poolbench.results;

import io.github.poolbench.format.MachineDescription;
import io.github.poolbench.format.ResultsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A run's {@link MachineDescription} as the pages show it: a card of facts. Every fact is
 * optional; what the description does not say is left out.
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

    /**
     * The labels compared across machines, in card order. {@code Load average} is compared though no
     * description the suite writes says it (the load belongs to the run, in {@code run.json}): the
     * comparison keeps its row, "unknown" for every machine.
     */
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

    /** The card of a run with a description, or an empty card without one. */
    public static MachineInfo of(Optional<MachineDescription> machine) {
        return of(machine.orElse(new MachineDescription(null, null, null, null, null, null, null, null, null)));
    }

    /** The card of a description given as JSON values (maps, lists, strings and numbers), read as the file would be. */
    public static MachineInfo of(Map<String, Object> machine) {
        return of(ResultsJson.convert(machine, MachineDescription.class));
    }

    public static MachineInfo of(MachineDescription machine) {
        Optional<MachineDescription.Cpu> cpu = Optional.ofNullable(machine.cpu());
        OptionalInt cores = positive(cpu.map(MachineDescription.Cpu::availableProcessors))
                .or(() -> positive(cpu.map(MachineDescription.Cpu::logicalCores)))
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
        Optional<MachineDescription.Os> os = Optional.ofNullable(machine.os());
        Optional<MachineDescription.Jdk> jdk = Optional.ofNullable(machine.jdk());
        List<Fact> facts = new ArrayList<>();
        add(facts, "CPU", cpu.map(MachineDescription.Cpu::model));
        add(facts, "Cores", cores(cpu, cores));
        add(facts, "Memory", memory(machine.memory()));
        add(
                facts,
                "OS",
                joined(List.of(
                        os.map(MachineDescription.Os::distribution),
                        os.map(MachineDescription.Os::name),
                        os.map(MachineDescription.Os::kernel))));
        add(
                facts,
                "JDK",
                joined(List.of(jdk.map(MachineDescription.Jdk::vendor), jdk.map(MachineDescription.Jdk::version))));
        add(facts, "JVM flags", jdk.map(MachineDescription.Jdk::jvmFlags).map(MachineInfo::flags));
        add(facts, "Virtualisation", virtualisation(machine.virtualization()));
        add(facts, "Git commit", Optional.ofNullable(machine.source()).map(MachineDescription.Source::gitCommit));
        add(facts, "Recorded", Optional.ofNullable(machine.recordedAt()));
        return new MachineInfo(facts, cores);
    }

    /**
     * The CPU's family, model and stepping ({@code cpu.signature}), when the file has it: the trend
     * page's hardware signature starts with it (not a card row: readers compare models, not steppings).
     */
    public static Optional<String> cpuSignature(Optional<MachineDescription> machine) {
        return machine.map(MachineDescription::cpu)
                .map(MachineDescription.Cpu::signature)
                .filter(signature -> !signature.isBlank());
    }

    /** The value of a fact, when the file had it. */
    public Optional<String> fact(String label) {
        return facts.stream()
                .filter(f -> f.label().equals(label))
                .map(Fact::value)
                .findFirst();
    }

    private static void add(List<Fact> facts, String label, Optional<String> value) {
        value.map(String::strip).filter(v -> !v.isEmpty()).ifPresent(v -> facts.add(new Fact(label, v)));
    }

    private static Optional<Integer> positive(Optional<Integer> count) {
        return count.filter(n -> n > 0);
    }

    private static Optional<String> cores(Optional<MachineDescription.Cpu> cpu, OptionalInt available) {
        if (available.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(available.getAsInt() + " available to the JVM");
        positive(cpu.map(MachineDescription.Cpu::logicalCores))
                .filter(logical -> logical != available.getAsInt())
                .ifPresent(logical -> text.append(", ").append(logical).append(" logical"));
        positive(cpu.map(MachineDescription.Cpu::physicalCores))
                .ifPresent(physical -> text.append(", ").append(physical).append(" physical"));
        return Optional.of(text.toString());
    }

    private static Optional<String> memory(MachineDescription.Memory memory) {
        if (memory == null || memory.totalBytes() == null) {
            return Optional.empty();
        }
        return Optional.of(gib(memory.totalBytes())
                + (memory.limitBytes() == null ? "" : " (container limit " + gib(memory.limitBytes()) + ")"));
    }

    private static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }

    private static String flags(List<String> flags) {
        return flags.isEmpty()
                ? "(none)"
                : String.join(" ", flags.stream().map(String::valueOf).toList());
    }

    private static Optional<String> virtualisation(MachineDescription.Virtualization virtualization) {
        if (virtualization == null) {
            return Optional.empty();
        }
        return joined(List.of(
                        Optional.ofNullable(virtualization.container()),
                        Optional.ofNullable(virtualization.hypervisor())))
                .or(() -> Optional.of("none detected"));
    }

    /** The non-blank values, joined by spaces; empty when none is there. */
    private static Optional<String> joined(List<Optional<String>> values) {
        List<String> parts = values.stream()
                .flatMap(Optional::stream)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }
}
