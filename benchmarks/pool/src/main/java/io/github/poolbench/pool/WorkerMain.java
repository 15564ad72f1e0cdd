package io.github.poolbench.pool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A worker JVM of a {@link PoolKind#PROCESS} pool: reads tasks from its {@link Channel} to the parent, runs
 * them one at a time in the order sent, and writes results back. A task sent while another runs waits
 * here, unless recalled. One of its two threads always reads the channel, so its end is seen at once even
 * while a task runs, and ends the worker (and what its tasks started): that is both how the pool closes
 * it and how it follows a parent that died without closing anything.
 *
 * <p>What tasks print on {@code System.out} and {@code System.err} goes to the parent as frames, ordered
 * before their results; what reaches file descriptors 1 and 2 by other ways goes there as plain output.
 *
 * <p>Arguments: the socket to connect to, the charsets of the parent's {@code System.out} and
 * {@code System.err}, then extra allow-list patterns separated by {@code ;} (possibly empty).
 */
final class WorkerMain {

    private final DataOutputStream toParent;
    private final AllowList allowList;
    /** Ids of recalled tasks to report, by a thread of their own; guarded by itself. */
    private final ArrayDeque<Long> recalledToReport = new ArrayDeque<>();

    private boolean recallReporterStarted;
    /** Tasks read while another ran, oldest first; guarded by itself, as are the two flags below. */
    private final ArrayDeque<Protocol.Frame> tasks = new ArrayDeque<>();
    /** Whether one of the two threads runs a task. */
    private boolean running;
    /** Whether the channel has no reader: the idle thread is to take it. */
    private boolean readerWanted;

    private DataInputStream fromParent;
    /** Defines the classes that exist only in the parent's memory, as tasks bring them. */
    private final ShippedClasses.Loader shipped = new ShippedClasses.Loader(WorkerMain.class.getClassLoader());
    /** The job running now and its thread, for a stop to dump and interrupt. */
    private volatile long runningId;

    private volatile Thread runningThread;
    private static final int MAX_DUMP = 64 * 1024;
    /** The last task read, kept because a map sends the same task with every chunk. */
    private byte[] lastTaskBytes;

    private Task<?, ?> lastTask;

    private WorkerMain(DataOutputStream toParent, AllowList allowList) {
        this.toParent = toParent;
        this.allowList = allowList;
    }

    public static void main(String[] args) throws Exception {
        SocketChannel channel = Channel.connect(Path.of(args[0]));
        DataOutputStream toParent = new DataOutputStream(new BufferedOutputStream(Channel.out(channel), 1 << 16));
        // Buffered: a frame is then one read(2), not one per field.
        DataInputStream fromParent = new DataInputStream(new BufferedInputStream(Channel.in(channel), 1 << 16));
        WorkerMain worker = new WorkerMain(
                toParent,
                new AllowList(args.length > 3 && !args[3].isEmpty() ? List.of(args[3].split(";")) : List.of()));
        System.setOut(worker.forwardingStream(Protocol.STDOUT, Charset.forName(args[1])));
        System.setErr(worker.forwardingStream(Protocol.STDERR, Charset.forName(args[2])));
        System.setIn(InputStream.nullInputStream()); // nothing comes on stdin
        worker.run(fromParent);
    }

    private void run(DataInputStream fromParent) throws IOException {
        synchronized (toParent) {
            toParent.writeLong(Protocol.MAGIC);
        }
        Protocol.Frame hello = Protocol.read(fromParent);
        if (hello == null || hello.type() != Protocol.HELLO) {
            Runtime.getRuntime().halt(2); // not our parent
            return;
        }
        if (hello.part1().length > 0) {
            initialize(hello);
        }
        // Part 2: the heartbeat's period (0: none), then what to warm up (nothing: no warm-up).
        byte[] settings = hello.part2();
        long heartbeat =
                settings.length >= Long.BYTES ? ByteBuffer.wrap(settings).getLong() : 0;
        if (settings.length > Long.BYTES) {
            warmUp(hello.id(), Arrays.copyOfRange(settings, Long.BYTES, settings.length));
        }
        send(Protocol.HELLO, hello.id(), helloAnswer()); // echoes the parent's nonce
        if (heartbeat > 0) {
            startHeartbeat(heartbeat);
        }

        this.fromParent = fromParent;
        Thread.ofPlatform().name("poolbench-worker-task").daemon(true).start(new Runnable() {
            @Override
            public void run() {
                serve(false);
            }
        });
        serve(true);
    }

    /**
     * Tells the parent every {@code millis} that this worker lives, so that it can tell a busy worker from a
     * frozen one (stopped, swapped out, stuck in the JVM) and give the jobs queued here to another.
     */
    private void startHeartbeat(long millis) {
        Thread.ofPlatform().name("poolbench-worker-heartbeat").daemon(true).start(new Runnable() {
            @Override
            public void run() {
                try {
                    while (true) {
                        Thread.sleep(millis);
                        send(Protocol.HEARTBEAT, 0, new byte[0]);
                    }
                } catch (InterruptedException | IOException parentGone) {
                    // the main thread sees the end of the channel and ends the worker
                }
            }
        });
    }

    /**
     * The life of each of the worker's two threads. One reads the channel while the other runs a task or idles;
     * the reader that meets a task while nothing runs runs it itself, at once, and hands the channel to the
     * other thread. So a task starts without waiting for a second thread to wake up, and the channel is read
     * all the time, even while a task runs.
     */
    private void serve(boolean reader) {
        try {
            while (true) {
                if (!reader) {
                    synchronized (tasks) {
                        while (!readerWanted) {
                            tasks.wait();
                        }
                        readerWanted = false;
                    }
                }
                Protocol.Frame job = readUntilATaskToRun();
                reader = false;
                while (job != null) {
                    runJobOrReport(job);
                    synchronized (tasks) {
                        job = tasks.poll(); // read meanwhile by the other thread
                        running = job != null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException channelBroken) {
            Runtime.getRuntime().halt(3); // the parent is gone
        }
    }

    /** Reads the channel until a task arrives that this thread is to run; queues those that must wait. */
    private Protocol.Frame readUntilATaskToRun() {
        try {
            for (Protocol.Frame frame; (frame = Protocol.read(fromParent)) != null; ) {
                if (frame.type() == Protocol.TASK) {
                    synchronized (tasks) {
                        if (!running) {
                            running = true;
                            readerWanted = true; // the other thread reads on while this one runs it
                            tasks.notifyAll();
                            return frame;
                        }
                        tasks.add(frame);
                    }
                } else if (frame.type() == Protocol.RECALL && recall(frame.id())) {
                    replyRecalled(frame.id());
                } else if (frame.type() == Protocol.STOP) {
                    stop(frame.id());
                }
            }
        } catch (IOException endOfParent) {
            // Same as a clean end of the channel: the parent is gone or done with us.
        }
        System.out.flush();
        System.err.flush();
        // What tasks started would outlive us, reparented to init: they go first.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0); // not exit(): a task's shutdown hooks must not keep an orphan alive
        return null;
    }

    /**
     * Takes a task back unless it has started; under the same lock as the runner's poll, so either it
     * runs or it goes back. (By id, not equals(): a record's equals() is bootstrapped at its first call, which
     * costs a fresh worker tens of milliseconds.)
     */
    private boolean recall(long id) {
        synchronized (tasks) {
            for (Iterator<Protocol.Frame> waiting = tasks.iterator(); waiting.hasNext(); ) {
                if (waiting.next().id() == id) {
                    waiting.remove();
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Reports a recalled task. Not from the main thread, which must never wait on the channel (were the
     * parent's reader for this worker busy writing to us, each would wait for the other), but by
     * a reporter thread, and by the task thread before anything else it sends: so a report always goes
     * out before the result of any task read after the recall, and the parent sees replies in order.
     */
    private void replyRecalled(long id) {
        synchronized (recalledToReport) {
            recalledToReport.add(id);
            recalledToReport.notifyAll();
            if (recallReporterStarted) {
                return;
            }
            recallReporterStarted = true;
        }
        Thread.ofPlatform().name("poolbench-worker-recalls").daemon(true).start(new Runnable() {
            @Override
            public void run() {
                try {
                    while (true) {
                        synchronized (recalledToReport) {
                            while (recalledToReport.isEmpty()) {
                                recalledToReport.wait();
                            }
                        }
                        synchronized (toParent) {
                            writeRecallReports();
                        }
                    }
                } catch (InterruptedException | IOException parentGone) {
                    // the main thread sees the end of the channel and ends the worker
                }
            }
        });
    }

    /** Writes the recall reports not yet written; with the lock on {@code toParent} held. */
    private void writeRecallReports() throws IOException {
        while (true) {
            Long recalled;
            synchronized (recalledToReport) {
                recalled = recalledToReport.poll();
            }
            if (recalled == null) {
                return;
            }
            Protocol.write(toParent, Protocol.RECALLED, recalled, new byte[0]);
        }
    }

    /**
     * The handshake's answer: the protocol version this worker speaks. (Not its pid: asking for it
     * initializes ProcessHandleImpl, whose lambdas cost a fresh JVM milliseconds before it can answer.)
     */
    private static byte[] helloAnswer() {
        return ByteBuffer.allocate(Integer.BYTES).putInt(Protocol.VERSION).array();
    }

    /** Runs the pool's initializer; if it fails, says why in place of the handshake's answer, and ends. */
    private void initialize(Protocol.Frame hello) throws IOException {
        try {
            ((Initializer) TaskCodec.decodeObject(hello.part1(), allowList, shipped)).initialize();
        } catch (Exception | Error e) {
            sendFailure(hello.id(), RemoteFailure.of(RemoteFailure.Stage.TASK_THREW, 0, e));
            Runtime.getRuntime().halt(5);
        }
    }

    /**
     * {@code PoolOptions.warmUp}: loads the named classes, then sends a no-op task and its results through
     * the codecs as a first job would, so that the first real job finds them loaded and linked. If that
     * fails, says why in place of the handshake's answer, and ends.
     */
    private void warmUp(long helloId, byte[] what) throws IOException {
        Throwable failed;
        try {
            String[] names = new String(what, StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < names.length; i++) { // the first line only says "warm up"
                Class.forName(names[i], true, shipped);
            }
            Task<Object, Object> noOp = WorkerMain::noOp;
            Task<?, ?> task = TaskCodec.decode(TaskCodec.encode(noOp), allowList, shipped);
            Object[] inputs = ValueCodec.decode(ValueCodec.encode(new Object[] {1, "one", 1L, 1.0, null}), allowList);
            ChunkRun run = ChunkRun.apply(task, Arrays.asList(inputs));
            failed = run.failure();
            if (failed == null) {
                ValueCodec.decode(
                        Protocol.sendable(ValueCodec.encode(run.results().toArray())), allowList, shipped);
            }
        } catch (Exception | Error e) {
            failed = e;
        }
        if (failed != null) {
            sendFailure(helloId, RemoteFailure.of(RemoteFailure.Stage.TASK_THREW, 0, failed));
            Runtime.getRuntime().halt(5);
        }
    }

    /** The warm-up's task: called by name, as most tasks are. */
    static Object noOp(Object value) {
        return value;
    }

    /**
     * The pool gave up on job {@code id}: answers with a thread dump, taken while the task still runs,
     * then interrupts the task (the pool kills this worker anyway: this only spares the CPU meanwhile).
     */
    private void stop(long id) throws IOException {
        Thread thread = runningThread;
        boolean running = runningId == id && thread != null;
        send(
                Protocol.DUMP,
                id,
                (running ? threadDump() : "job " + id + " was not running").getBytes(StandardCharsets.UTF_8));
        if (running && runningId == id) {
            thread.interrupt();
        }
    }

    /** Every thread's stack, the task's first, in the style of jstack; cut at 64 KB. */
    private String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread task = runningThread;
        java.util.Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        java.util.List<Thread> threads = new java.util.ArrayList<>(stacks.keySet());
        threads.sort(java.util.Comparator.comparing((Thread thread) -> thread != task)
                .thenComparing(Thread::getName));
        for (Thread thread : threads) {
            dump.append('"')
                    .append(thread.getName())
                    .append("\" ")
                    .append(thread.getState())
                    .append('\n');
            for (StackTraceElement frame : stacks.get(thread)) {
                dump.append("\tat ").append(frame).append('\n');
            }
            if (dump.length() > MAX_DUMP) {
                dump.setLength(MAX_DUMP);
                dump.append("\n…");
                break;
            }
        }
        return dump.toString();
    }

    /**
     * Runs a job; should anything escape, even an Error while reporting, the job still fails and this
     * thread lives on to run the next: a worker that stops answering would hold its jobs forever.
     */
    private void runJobOrReport(Protocol.Frame job) throws IOException {
        try {
            runJob(job);
        } catch (RuntimeException | Error e) {
            runningId = 0;
            runningThread = null;
            try {
                sendFailure(
                        job.id(),
                        new RemoteFailure(
                                RemoteFailure.Stage.RESULT_UNWRITABLE,
                                0,
                                e.getClass().getName(),
                                String.valueOf(e.getMessage()),
                                new StackTraceElement[0],
                                null));
            } catch (RuntimeException | Error again) {
                Runtime.getRuntime().halt(4); // cannot even say so: end, and let the pool replace us
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private void runJob(Protocol.Frame job) throws IOException {
        Task task;
        Object[] inputs;
        try {
            task = readTask(job.part1());
            Thread.currentThread().setContextClassLoader(shipped); // inputs and results may be of shipped classes
            inputs = ValueCodec.decode(job.part2(), allowList, shipped);
        } catch (Exception | LinkageError e) {
            sendFailure(job.id(), RemoteFailure.of(RemoteFailure.Stage.REQUEST_UNREADABLE, 0, e));
            return;
        }
        runningThread = Thread.currentThread();
        runningId = job.id();
        ChunkRun run = ChunkRun.apply(task, Arrays.asList(inputs));
        runningId = 0;
        runningThread = null;
        Thread.interrupted(); // a stop that came too late is not for the next task
        System.out.flush(); // what the task printed goes out before its result
        System.err.flush();
        if (run.failure() != null) {
            sendFailure(job.id(), RemoteFailure.of(RemoteFailure.Stage.TASK_THREW, run.failedAt(), run.failure()));
            return;
        }
        byte[] results;
        try {
            results = Protocol.sendable(ValueCodec.encode(run.results().toArray()));
        } catch (Exception | Error e) { // a StackOverflowError from a deep result, too: it fails this job only
            sendFailure(
                    job.id(),
                    RemoteFailure.of(RemoteFailure.Stage.RESULT_UNWRITABLE, firstUnwritable(run.results()), e));
            return;
        }
        send(Protocol.RESULT, job.id(), results);
    }

    private Task<?, ?> readTask(byte[] bytes) throws IOException, ClassNotFoundException {
        if (!Arrays.equals(bytes, lastTaskBytes)) {
            lastTask = TaskCodec.decode(bytes, allowList, shipped);
            lastTaskBytes = bytes;
        }
        return lastTask;
    }

    private static int firstUnwritable(List<Object> results) {
        for (int i = 0; i < results.size(); i++) {
            try {
                AllowList.serialize(results.get(i));
            } catch (Exception | Error e) {
                return i;
            }
        }
        return 0;
    }

    private void sendFailure(long jobId, RemoteFailure failure) throws IOException {
        send(Protocol.FAILURE, jobId, AllowList.serialize(failure));
    }

    private void send(byte type, long id, byte[] payload) throws IOException {
        synchronized (toParent) {
            writeRecallReports(); // first: the parent expects them before any later reply
            Protocol.write(toParent, type, id, payload);
        }
    }

    /** A stream whose every flush becomes one frame to the parent; PrintStream flushes at each line. */
    private PrintStream forwardingStream(byte frameType, Charset charset) {
        OutputStream frames = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > 0) {
                    send(frameType, 0, Arrays.copyOfRange(bytes, offset, offset + length));
                }
            }
        };
        return new PrintStream(new BufferedOutputStream(frames, 8192), true, charset);
    }
}
