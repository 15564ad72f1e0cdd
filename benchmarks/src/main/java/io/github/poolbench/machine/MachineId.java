package io.github.poolbench.machine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stable, readable machine id from hardware facts: a slug of CPU model, cores, memory and OS plus
 * a short hash of the same facts, e.g. {@code amd-epyc-2c-24g-linux-3f9a1c}. Never the hostname:
 * the id is published, and two identical cloud machines should share it.
 */
public final class MachineId {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

    private MachineId() {}

    /** The id for these facts; the kernel and JDK are left out so that updates keep the id. */
    public static String derive(String cpuModel, int logicalCores, Long memoryBytes, String osName, String arch) {
        long gib = memoryBytes == null ? 0 : Math.round(memoryBytes / (double) (1L << 30));
        String facts = String.join("|", cpuModel, Integer.toString(logicalCores), Long.toString(gib), osName, arch);
        String cpu = slug(cpuModel);
        String slug = (cpu.length() > 40 ? cpu.substring(0, 40) : cpu) + "-" + logicalCores + "c-" + gib + "g-"
                + slug(osName);
        return slug.replaceAll("-+", "-").replaceAll("^-|-$", "") + "-" + shortHash(facts);
    }

    /**
     * Checks a name given with {@code --machine}: lower-case letters, digits, {@code .}, {@code _} and
     * {@code -}, starting with a letter or digit, at most 80 characters (it becomes a folder name).
     */
    public static String validate(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException(
                    "machine name must match " + NAME.pattern() + " (lower-case letters, digits, . _ -): " + name);
        }
        return name;
    }

    /** Lower-case ASCII words joined by single dashes; "(R)", "(TM)" and "CPU" dropped as noise. */
    static String slug(String text) {
        if (text == null || text.isBlank()) {
            return "unknown";
        }
        String cleaned = text.toLowerCase(Locale.ROOT)
                .replaceAll("\\((r|tm)\\)", " ")
                .replaceAll("\\bcpu\\b", " ")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }

    private static String shortHash(String facts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
