package io.github.poolbench.pool;

/** Tasks the tests hand to pools by method reference, so that worker JVMs can run them too. */
final class Tasks {

    private Tasks() {}

    static int square(int x) {
        return x * x;
    }

    static int failOnThree(int x) {
        if (x == 3) {
            throw new IllegalStateException("three is unlucky");
        }
        return x;
    }

    static int sleepMillis(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    /** Writes this worker's pid to the file named by the input, then sleeps until killed. */
    static long reportPidThenSleep(String pidFile) throws Exception {
        long pid = ProcessHandle.current().pid();
        java.nio.file.Path target = java.nio.file.Path.of(pidFile);
        java.nio.file.Path partial = java.nio.file.Path.of(pidFile + ".partial");
        java.nio.file.Files.writeString(partial, Long.toString(pid));
        java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(600_000);
        return pid;
    }

    /** Ends its worker with exit status 42 on input 42. */
    static int exitOn42(int input) {
        if (input == 42) {
            System.exit(42);
        }
        return input;
    }

    static int exhaustMemory(int megabytesPerStep) {
        // The return type only lets a method reference of Task<Integer, Integer> name it.
        java.util.List<byte[]> hoard = new java.util.ArrayList<>();
        while (true) {
            hoard.add(new byte[megabytesPerStep << 20]);
        }
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    static String printAndEcho(String text) {
        System.out.println("out: " + text);
        System.err.println("err: " + text);
        System.out.print("no newline, then a result");
        return text;
    }

    static Object returnUnserializable(int ignored) {
        return new Object();
    }

    static java.net.URI returnUri(String text) {
        return java.net.URI.create(text);
    }

    static String describe(Object input) {
        return String.valueOf(input);
    }

    /** Writes past System.out, straight to file descriptor 1, what would read as a frame with a 2 GB part. */
    static int scribbleOnFileDescriptor1(int input) throws Exception {
        java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        byte[] garbage = new byte[64];
        java.util.Arrays.fill(garbage, (byte) 0x7f);
        raw.write(garbage);
        raw.write("\nraw text from task ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        raw.write(Integer.toString(input).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        raw.write('\n');
        raw.flush();
        return input;
    }

    /** The reproduction: a child process that inherits the worker's stdout and prints digits. */
    static int echoThroughInheritedIo(int input) throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "echo 0123456789012345678901234567890123456789")
                .inheritIO()
                .start();
        return child.waitFor();
    }

    /** Prints its whole input, then sleeps a little when it is long: big frames both ways. */
    static int printAll(String text) throws InterruptedException {
        System.out.println(text);
        Thread.sleep(text.length() % 3 == 0 ? 20 : 0);
        return text.length();
    }

    /** Sleeps, then says which worker it ran on. */
    static long sleepThenPid(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return ProcessHandle.current().pid();
    }

    /** Burns a core, deaf to interrupts, until the file named by the input exists. */
    static int spinUntil(String releaseFile) {
        java.nio.file.Path release = java.nio.file.Path.of(releaseFile);
        for (long spins = 0; ; spins++) {
            if ((spins & 0xfffff) == 0 && java.nio.file.Files.exists(release)) {
                return 0;
            }
        }
    }

    /**
     * Marks its start in the folder named by the input, waits (up to a minute) until a second task has
     * marked its own, then sleeps 500 ms: true only if two such tasks ran side by side.
     */
    static boolean meetThenSleep(String folder) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(folder);
        java.nio.file.Files.createFile(dir.resolve(java.util.UUID.randomUUID().toString()));
        for (int poll = 0; poll < 6_000; poll++) {
            try (var marks = java.nio.file.Files.list(dir)) {
                if (marks.count() >= 2) {
                    Thread.sleep(500);
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /**
     * "quick" at once for an empty input; otherwise waits (up to a minute) until the file it names
     * exists, then says "released", or "never released".
     */
    static String holdUntilReleased(String releaseFile) throws InterruptedException {
        if (releaseFile.isEmpty()) {
            return "quick";
        }
        for (int poll = 0; poll < 6_000; poll++) {
            if (java.nio.file.Files.exists(java.nio.file.Path.of(releaseFile))) {
                return "released";
            }
            Thread.sleep(10);
        }
        return "never released";
    }

    /** Object arrays nested {@code depth} deep, each holding the next. */
    static Object[] nest(int depth) {
        Object[] inner = {};
        for (int level = 1; level < depth; level++) {
            inner = new Object[] {inner};
        }
        return inner;
    }

    /** Starts a {@code sleep 97} that it does not wait for, and returns its pid. */
    static long startSleeper(int ignored) throws Exception {
        return new ProcessBuilder("sleep", "97").start().pid();
    }

    static String echo(String text) {
        return text;
    }

    static Object identity(Object value) {
        return value;
    }

    /** Set by the initializer of the tests that have one. */
    static volatile String initialized = "not initialized";

    static void initialize() {
        initialized = "ready";
    }

    /** An initializer that never returns, for workers that never answer their handshake. */
    static void hang() throws InterruptedException {
        Thread.sleep(600_000);
    }

    static void failToInitialize() {
        throw new IllegalStateException("no config");
    }

    static String initialized(int ignored) {
        return initialized;
    }

    static int length(String text) {
        return text.length();
    }

    /** The worker JVM's own description: "sharing" in it means its class data archive was mapped. */
    static String vmInfo(int ignored) {
        return System.getProperty("java.vm.info");
    }

    /** Runs of the initializer in this JVM: THREAD and VIRTUAL workers share it. */
    static final java.util.concurrent.atomic.AtomicInteger INITIALIZED =
            new java.util.concurrent.atomic.AtomicInteger();

    static void count() {
        INITIALIZED.incrementAndGet();
    }
}
