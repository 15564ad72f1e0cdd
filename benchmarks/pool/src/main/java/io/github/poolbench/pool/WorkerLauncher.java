package io.github.poolbench.pool;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a worker JVM: the parent's own {@code java} and classpath, flags trimmed for
 * a fast start, then the caller's flags. No shell is involved, so this is the same on every OS.
 */
final class WorkerLauncher {

    /**
     * Flags every worker gets. The JDK's default CDS archive is on without asking ({@code -Xshare:auto}
     * is the default). Tiered compilation stays on (no {@code TieredStopAtLevel=1}): it costs
     * next to nothing at start-up here and CPU-bound tasks, what the lesson sends to processes, would run
     * at C1 speed without C2.
     */
    private static final String SERIAL_GC = "-XX:+UseSerialGC";

    static final List<String> BASE_FLAGS = List.of(
            SERIAL_GC, // one small GC instead of G1's threads, in every worker
            "-XX:-UsePerfData", // no hsperfdata file to map at start and delete at exit
            // Reflection without method handles: a task sent by name is then called at once on a fresh
            // worker, instead of after tens of milliseconds spent spinning classes for the first call.
            "-Djdk.reflect.useNativeAccessorOnly=true",
            "-XX:+ExitOnOutOfMemoryError", // a worker out of memory is in an unknown state: end it, replace it
            // The JVM's own output must never reach stdout, our frames: its log, and messages such as
            // "Terminating due to java.lang.OutOfMemoryError", which it prints to stdout by default.
            "-XX:+DisplayVMOutputToStderr",
            "-Xlog:disable",
            "-Xlog:all=warning:stderr");

    /** Windows' limit for a command line is 32767 characters; past this a classpath goes in an argfile. */
    private static final int LONGEST_COMMAND = 30_000;

    private final List<String> command;
    /** Where in {@link #command} the worker's socket goes. */
    private final int socketAt;

    WorkerLauncher(PoolOptions options, AllowList allowList) {
        this(options, allowList, StartupCache.Launch.PLAIN);
    }

    /** As above, with the {@link StartupCache}'s flags and class path. */
    WorkerLauncher(PoolOptions options, AllowList allowList, StartupCache.Launch launch) {
        String java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                .toString();
        List<String> baseFlags = new ArrayList<>(BASE_FLAGS);
        if (options.workerJvmFlags().stream().anyMatch(flag -> flag.matches("-XX:\\+Use\\w+GC"))) {
            baseFlags.remove(SERIAL_GC); // the caller chose a collector: two would stop the JVM
        }
        String classpath = System.getProperty("java.class.path", "");
        if (launch.firstOnClassPath() != null) {
            classpath = launch.alone() || classpath.isEmpty()
                    ? launch.firstOnClassPath().toString()
                    : launch.firstOnClassPath() + File.pathSeparator + classpath;
        }
        List<String> command = new ArrayList<>();
        int socketAt;
        command.addAll(launch.prefix());
        command.add(java);
        command.addAll(baseFlags);
        command.addAll(launch.flags()); // before the caller's flags, which may turn it off (-XX:AOTMode=off)
        command.addAll(options.workerJvmFlags());
        Module pool = WorkerMain.class.getModule();
        String modulePath = System.getProperty("jdk.module.path", "");
        if (pool.isNamed()) {
            // The pool is a module: so is the worker, with the parent's module path (every module on it
            // resolved, as the parent's tasks may come from any of them) and its class path beside it.
            command.add("--module-path");
            command.add(modulePath);
            command.add("--add-modules");
            command.add("ALL-MODULE-PATH");
        }
        if (!classpath.isEmpty() || !pool.isNamed()) {
            command.add("-cp");
            command.add(classpath);
        }
        if (pool.isNamed()) {
            command.add("-m");
            command.add(pool.getName() + "/" + WorkerMain.class.getName());
        } else {
            command.add(WorkerMain.class.getName());
        }
        socketAt = command.size();
        command.add(""); // the socket's path, per worker
        command.add(System.out.charset().name());
        command.add(System.err.charset().name());
        command.add(String.join(
                ";",
                allowList
                        .patterns()
                        .subList(AllowList.DEFAULT.size(), allowList.patterns().size())));
        if (String.join(" ", command).length() > LONGEST_COMMAND && command.contains("-cp")) {
            int at = command.indexOf("-cp");
            command.set(at, "@" + classpathArgFile(classpath));
            command.remove(at + 1);
            socketAt--;
        }
        this.socketAt = socketAt;
        this.command = List.copyOf(command);
    }

    /** The command line of every worker, with a placeholder for its socket, for error messages. */
    List<String> command() {
        return command;
    }

    /** The command line of the worker that is to connect to {@code socket}. */
    List<String> command(Path socket) {
        List<String> mine = new ArrayList<>(command);
        mine.set(socketAt, socket.toString());
        return mine;
    }

    /** Writes {@code -cp <classpath>} to a temporary argfile, quoted as the java launcher reads it. */
    private static Path classpathArgFile(String classpath) {
        try {
            Path file = Files.createTempFile("poolbench-worker-classpath", ".args");
            file.toFile().deleteOnExit();
            String quoted = classpath.replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(file, "-cp \"" + quoted + "\"" + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the worker classpath (" + classpath.split(File.pathSeparator).length
                            + " entries) to an argfile",
                    e);
        }
    }
}
