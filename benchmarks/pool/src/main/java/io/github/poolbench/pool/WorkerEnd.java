package io.github.poolbench.pool;

import java.util.Locale;
import java.util.Map;

/**
 * How a worker process ended, told from its exit status, what the pool knows (it killed the worker, and
 * why) and its last lines on stderr: a {@link WorkerDiedException.Reason} and words a user acts on.
 *
 * @param reason for code
 * @param description for people, e.g. {@code exit status 137 (SIGKILL: ...)}; follows "died with" or names
 *     what the pool did
 * @param stderrTail the worker's last lines on stderr, or empty
 */
record WorkerEnd(WorkerDiedException.Reason reason, String description, String stderrTail) {

    /** Signals whose numbers are the same on Linux and macOS. */
    private static final Map<Integer, String> SIGNALS = Map.of(
            1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL", 6, "SIGABRT", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV",
            13, "SIGPIPE", 15, "SIGTERM");

    /** What {@code -XX:+ExitOnOutOfMemoryError} makes the JVM exit with. */
    static final int OUT_OF_MEMORY_STATUS = 3;

    /**
     * @param killedBecause why the pool killed it, or null
     * @param frozen whether the pool killed it for missing its heartbeats
     * @param unix whether exit statuses above 128 mean signals (Linux, macOS)
     */
    static WorkerEnd of(int exitStatus, String killedBecause, boolean frozen, String stderrTail, boolean unix) {
        String status = "exit status " + exitStatus;
        if (frozen) {
            return new WorkerEnd(WorkerDiedException.Reason.STOPPED_ANSWERING, killedBecause, stderrTail);
        }
        if (killedBecause != null) {
            return new WorkerEnd(
                    WorkerDiedException.Reason.KILLED_BY_POOL, status + " after it " + killedBecause, stderrTail);
        }
        if (exitStatus == -1) {
            return new WorkerEnd(
                    WorkerDiedException.Reason.UNKNOWN, "an exit status that could not be read", stderrTail);
        }
        int oom = stderrTail.lastIndexOf("java.lang.OutOfMemoryError");
        if (exitStatus == OUT_OF_MEMORY_STATUS && oom >= 0) {
            int end = stderrTail.indexOf('\n', oom);
            String error = stderrTail
                    .substring(oom, end < 0 ? stderrTail.length() : end)
                    .strip();
            return new WorkerEnd(
                    WorkerDiedException.Reason.OUT_OF_MEMORY,
                    status + ", out of memory (" + error + "; -XX:+ExitOnOutOfMemoryError ended it): give workers"
                            + " more heap with PoolOptions.withWorkerJvmFlags(\"-Xmx...\"), or tasks less to hold",
                    stderrTail);
        }
        if (unix && exitStatus > 128 && exitStatus < 128 + 65) {
            int number = exitStatus - 128;
            String name = SIGNALS.getOrDefault(number, "signal " + number);
            String hint = switch (number) {
                case 9 ->
                    "killed from outside the pool, often by the kernel's OOM killer when memory runs"
                            + " short (see dmesg)";
                case 6, 11 -> "the JVM crashed; look for its hs_err_pid file";
                default -> "sent from outside the pool";
            };
            return new WorkerEnd(
                    WorkerDiedException.Reason.SIGNALLED, status + " (" + name + ": " + hint + ")", stderrTail);
        }
        return new WorkerEnd(WorkerDiedException.Reason.EXITED, status, stderrTail);
    }

    /** Whether exit statuses above 128 mean signals here. */
    static boolean unix() {
        return !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
