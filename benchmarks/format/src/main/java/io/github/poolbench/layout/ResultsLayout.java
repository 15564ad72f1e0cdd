package io.github.poolbench.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results folder: {@code <root>/<machine-id>/<run-id>/} holding {@link #JMH_FILE}, {@link
 * #MACHINE_FILE}, {@link #RUN_FILE} and {@link #LOG_FILE}. A run id is the UTC minute the run
 * started and its profile, e.g. {@code 2026-11-25T2310Z-quick}, so ids sort in time order.
 *
 * <p>Readers are more tolerant than the suite that writes: results may lie deeper in a run folder
 * (the run is then the whole path below the machine folder), and a JSON file lying directly in a
 * machine folder is a run of its own, named after the file. Contributions and other projects'
 * files are laid out by hand, and this keeps them loadable.
 */
public final class ResultsLayout {

    /** JMH's JSON results of a run, all steps merged. */
    public static final String JMH_FILE = "jmh.json";

    /** What a failed run measured before it failed; not a {@code .json} file, so the site skips it. */
    public static final String PARTIAL_JMH_FILE = "jmh.json.partial";

    /** The description of the machine that ran the results beside it. */
    public static final String MACHINE_FILE = "machine.json";

    /** The suite's record of a run: profile, wall time, load, error summary. */
    public static final String RUN_FILE = "run.json";

    /** JMH's own output of a run. */
    public static final String LOG_FILE = "jmh.log";

    /** The layout below the root, as messages show it. */
    public static final String RUN_FOLDER = "<machine-id>/<run-id>/";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    /** A run id's start: to the minute as the suite writes it, or to the second as older runs did. */
    private static final Pattern START = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})(\\d{2})(\\d{2})?Z");

    private ResultsLayout() {}

    /** The id of a run of {@code profile} started at {@code started}: {@code 2026-11-25T2310Z-quick}. */
    public static String runId(Instant started, String profile) {
        return MINUTE.format(started) + "-" + profile;
    }

    /** When a run started, from its id; empty for an id of another form (a contributed file's name). */
    public static Optional<Instant> startOf(String runId) {
        Matcher start = START.matcher(runId);
        if (!start.find()) {
            return Optional.empty();
        }
        String seconds = start.group(4) == null ? "00" : start.group(4);
        return Optional.of(
                Instant.parse(start.group(1) + "T" + start.group(2) + ":" + start.group(3) + ":" + seconds + "Z"));
    }

    /**
     * Creates the folder of a new run, {@code <root>/<machine-id>/<run-id>}, with {@code -2}, {@code
     * -3}… added when a run of the same minute and profile already took the name.
     */
    public static Path newRunFolder(Path root, String machineId, Instant started, String profile) {
        Path machineFolder = root.resolve(machineId);
        String base = runId(started, profile);
        try {
            Files.createDirectories(machineFolder);
            for (int n = 1; ; n++) {
                try {
                    return Files.createDirectory(machineFolder.resolve(n == 1 ? base : base + "-" + n));
                } catch (FileAlreadyExistsException taken) {
                    // next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + machineFolder, e);
        }
    }

    /**
     * Whether a file found below the root, given by its path relative to the root, lies in a machine
     * folder; a file directly in the root belongs to no machine.
     */
    public static boolean inMachineFolder(Path relative) {
        return relative.getNameCount() >= 2;
    }

    /** The machine of a file in a machine folder, given by its path relative to the root. */
    public static String machineId(Path relative) {
        return relative.getName(0).toString();
    }

    /**
     * The run of a results file in a machine folder, given by its path relative to the root: the
     * path from the machine folder to the file's folder, or the file's own name without {@code
     * .json} when it lies directly in the machine folder.
     */
    public static String runId(Path relative) {
        if (relative.getNameCount() == 2) {
            String name = relative.getFileName().toString();
            return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        }
        return relative.subpath(1, relative.getNameCount() - 1).toString().replace('\\', '/');
    }
}
