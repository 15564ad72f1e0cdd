package io.github.poolbench.history;

import io.github.poolbench.results.MachineInfo;
import io.github.poolbench.results.ResultRun;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run's hardware signature is made of, from its {@code machine.json}: runs filed under one
 * machine id compare only when all of these match. {@code cpu.signature} comes first: it changed
 * when this project's VM moved to a host six times slower at primes while its model name and
 * machine id stayed the same. Empty text means the run's description did not say.
 *
 * @param signature the CPU's family, model and stepping ({@code cpu.signature})
 * @param cpu       the CPU's model name
 * @param cores     the cores the JVM could use, as the machine card gives them
 * @param memory    the memory class: the total rounded to a power of two, e.g. {@code 32 GiB}, so
 *                  that a few MB more or less after a reboot is the same hardware
 * @param os        distribution, system and kernel
 * @param jdk       vendor and version
 */
public record Hardware(String signature, String cpu, String cores, String memory, String os, String jdk) {

    private static final Pattern GIB = Pattern.compile("^(\\d+(?:\\.\\d+)?) GiB");

    /** Nothing known: a run without a {@code machine.json}. */
    public static final Hardware UNKNOWN = new Hardware("", "", "", "", "", "");

    public Hardware {
        for (String part : List.of(signature, cpu, cores, memory, os, jdk)) {
            if (part == null) {
                throw new IllegalArgumentException("a hardware signature's parts are text, never null");
            }
        }
    }

    /** The run's hardware, from its machine description; {@link #UNKNOWN} without one. */
    static Hardware of(ResultRun run) {
        MachineInfo info = run.machineInfo();
        return new Hardware(
                MachineInfo.cpuSignature(run.machine()).orElse(""),
                info.fact("CPU").orElse(""),
                info.fact("Cores").orElse(""),
                info.fact("Memory").map(Hardware::memoryClass).orElse(""),
                info.fact("OS").orElse(""),
                info.fact("JDK").orElse(""));
    }

    /** {@code 23.5 GiB (container limit …)} as {@code 32 GiB}; a text the card did not compute stays as it is. */
    static String memoryClass(String memory) {
        Matcher gib = GIB.matcher(memory);
        if (!gib.find()) {
            return memory;
        }
        double total = Double.parseDouble(gib.group(1));
        if (!(total > 0)) {
            return memory;
        }
        long rounded = Math.round(Math.pow(2, Math.round(Math.log(total) / Math.log(2))));
        return rounded + " GiB";
    }

    /** Whether the description said anything at all. */
    public boolean known() {
        return !equals(UNKNOWN);
    }

    /** One line for the page, e.g. {@code AMD EPYC (family 23 model 1 stepping 2), 2 available to the JVM, …}. */
    public String describe() {
        if (!known()) {
            return "unknown (recorded before runs kept their hardware)";
        }
        StringBuilder text = new StringBuilder(cpu.isEmpty() ? "CPU not named" : cpu);
        if (!signature.isEmpty()) {
            text.append(" (").append(signature).append(')');
        }
        for (String part : List.of(
                cores.isEmpty() ? "" : "cores: " + cores,
                memory.isEmpty() ? "" : memory + " memory class",
                os,
                jdk.isEmpty() ? "" : "JDK " + jdk)) {
            if (!part.isEmpty()) {
                text.append(", ").append(part);
            }
        }
        return text.toString();
    }
}
