package io.github.poolbench.pool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The parent's end of one worker JVM: its {@link Channel}, a reader thread that takes the worker's
 * frames, prints what its tasks printed and hands replies and the worker's end to the {@link Listener},
 * a writer thread that sends frames so that no caller ever blocks on a worker that stopped reading, and
 * two threads that copy whatever reaches the worker's real stdout and stderr to the parent's.
 */
final class WorkerProcess {

    /** What the pool hears from a worker; called on the worker's reader thread. */
    interface Listener {
        void onReply(WorkerProcess worker, Protocol.Frame reply);

        /** The worker is gone: its channel ended, it has exited (or been killed) with {@code exitStatus}. */
        void onExit(WorkerProcess worker, int exitStatus);
    }

    private static final Duration EXIT_STATUS_WAIT = Duration.ofSeconds(2);
    /** How long an ended worker's plain output may take to arrive; a child that holds the pipe open is not waited for. */
    private static final Duration PLAIN_OUTPUT_DRAIN = Duration.ofSeconds(2);

    private static final int BUFFER = 1 << 16;

    private final int slot;
    private final byte[] initializer;
    /** What the worker is to warm up before its handshake ({@code PoolOptions.warmUp}), or nothing. */
    private final byte[] warmUp;

    private final Process process;
    private final Path socket;
    private final ServerSocketChannel server;
    private volatile SocketChannel channel;
    private final long nonce = ThreadLocalRandom.current().nextLong();
    private final CompletableFuture<WorkerProcess> ready = new CompletableFuture<>();
    private final Thread reader;
    private final Thread writer;
    /** The threads that copy the worker's real stdout and stderr. */
    private final List<Thread> pumps;

    private final Queue<Protocol.Frame> outbox = new ConcurrentLinkedQueue<>();
    /** Set once no more frames are to be sent: the writer then ends the channel's output. */
    private volatile boolean inputEnded;
    /** Why the pool killed this worker, if it did. */
    private volatile String killedBecause;
    /** Set when the pool killed it for missing its heartbeats. */
    private volatile boolean frozen;
    /** How often the worker is to send a heartbeat, in milliseconds; 0 for never. */
    private volatile long heartbeatMillis;
    /** When the reader began to wait for the worker's next bytes ({@link System#nanoTime()}), or 0 while it does not wait. */
    private volatile long waitingSince;
    /** The worker's last lines on stderr, for the error when it dies. */
    private final StderrTail stderrTail;
    /** In the environment of the worker and of every process it starts ({@link ProcessTree}). */
    private final String treeMark;
    /** Set when the pool ended the socket: the worker then ends the processes its tasks started itself. */
    private volatile boolean socketEndedByPool;
    /** Jobs sent and not yet answered, the running one first; guarded by the pool's lock. */
    final ArrayDeque<ProcessWorkerPool.Job> inFlight = new ArrayDeque<>(ProcessWorkerPool.JOBS_PER_WORKER);
    /** The id of the job asked back from this worker, or 0; guarded by the pool's lock. */
    long recalling;
    /** Jobs this worker ran to the end; guarded by the pool's lock. */
    int jobsDone;
    /** Set when it has run its share of jobs (maxTasksPerWorker): it gets no more and ends; guarded likewise. */
    boolean retiring;
    /** The job the pool asked this worker to stop, or null, and how to fail it; guarded by the pool's lock. */
    ProcessWorkerPool.Job stopping;

    java.util.function.Function<String, PoolException> stopFailure;

    private WorkerProcess(
            String name,
            int slot,
            Process process,
            Path socket,
            ServerSocketChannel server,
            byte[] initializer,
            byte[] warmUp,
            List<Thread> pumps,
            Listener listener,
            StderrTail stderrTail,
            String treeMark) {
        this.stderrTail = stderrTail;
        this.treeMark = treeMark;
        this.initializer = initializer;
        this.warmUp = warmUp;
        this.pumps = pumps;
        this.slot = slot;
        this.process = process;
        this.socket = socket;
        this.server = server;
        this.reader = Thread.ofPlatform()
                .name(name)
                .daemon(true)
                .stackSize(1024 * 1024)
                .unstarted(() -> read(listener)); // decoding nests up to AllowList.MAX_DEPTH
        this.writer = Thread.ofPlatform()
                .name(name.replace("reader", "writer"))
                .daemon(true)
                .stackSize(256 * 1024)
                .unstarted(this::write);
    }

    /**
     * Listens on {@code socket}, then starts a worker JVM with {@code command}, which names that socket;
     * {@link #startReader()} then accepts its connection and listens, and {@link #ready()} completes when
     * the worker has answered the handshake.
     */
    static WorkerProcess spawn(String readerName, int slot, List<String> command, Path socket, Listener listener)
            throws IOException {
        return spawn(readerName, slot, command, socket, new byte[0], new byte[0], listener);
    }

    /**
     * As above, with an encoded {@link Initializer} (or nothing) for the worker to run before it answers,
     * and what it is to warm up then (or nothing).
     */
    static WorkerProcess spawn(
            String readerName,
            int slot,
            List<String> command,
            Path socket,
            byte[] initializer,
            byte[] warmUp,
            Listener listener)
            throws IOException {
        ServerSocketChannel server = Channel.listen(socket);
        String treeMark = ProcessTree.newMark();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put(ProcessTree.MARK, treeMark);
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw e;
        }
        process.getOutputStream().close(); // nothing comes on stdin: a task that reads it sees its end
        StderrTail stderrTail = new StderrTail();
        List<Thread> pumps = List.of(
                pump(process.getInputStream(), () -> System.out, readerName.replace("reader", "stdout"), null),
                pump(process.getErrorStream(), () -> System.err, readerName.replace("reader", "stderr"), stderrTail));
        WorkerProcess worker = new WorkerProcess(
                readerName, slot, process, socket, server, initializer, warmUp, pumps, listener, stderrTail, treeMark);
        // A worker that dies before it connects must not leave the reader waiting to accept.
        process.onExit().thenRun(() -> {
            if (worker.channel == null) {
                closeQuietly(server);
            }
        });
        return worker;
    }

    void startReader() {
        reader.start();
    }

    /** Has the worker send a heartbeat every {@code millis} once it has answered; call before {@link #startReader()}. */
    void expectHeartbeats(long millis) {
        heartbeatMillis = millis;
    }

    /** How long the reader has waited for the worker's next bytes, in nanoseconds; 0 while it is busy elsewhere. */
    long silentFor(long now) {
        long since = waitingSince;
        return since == 0 ? 0 : now - since;
    }

    /** Kills the worker for missing its heartbeats: the job it ran then fails as {@link WorkerDiedException.Reason#STOPPED_ANSWERING}. */
    void killFrozen(java.time.Duration silence) {
        frozen = true;
        kill("nothing came from it, not even a heartbeat, for " + silence + ", so the pool killed it");
    }

    int slot() {
        return slot;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Completes when the worker has answered the handshake; fails if it ends before. */
    CompletableFuture<WorkerProcess> ready() {
        return ready;
    }

    /** Queues a frame; call with the pool's lock held, so that frames queue in the order decided. */
    void enqueue(byte type, long id, byte[] part1, byte[] part2) {
        outbox.add(new Protocol.Frame(type, id, part1, part2));
    }

    /** Has the writer send what is queued; never blocks, so a worker that stopped reading stalls no caller. */
    void flush() {
        LockSupport.unpark(writer);
    }

    /** Ends the parent's side of the socket after what is queued: the worker ends as soon as it reads that, even mid-task. */
    void endSocket() {
        socketEndedByPool = true;
        inputEnded = true;
        LockSupport.unpark(writer);
    }

    /** Waits for the worker to end; true if it did within {@code wait}. */
    boolean awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Kills the worker and anything its tasks started, without waiting. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills the worker, saying why in the error of the job it ran. */
    void kill(String because) {
        if (killedBecause == null) {
            killedBecause = because;
        }
        kill();
    }

    /** Whether the reader thread still runs: it may still be ending what the worker's tasks started. */
    boolean readerAlive() {
        return reader.isAlive();
    }

    /** Waits for the reader thread to finish its last report. */
    void joinReader(Duration wait) throws InterruptedException {
        reader.join(wait);
    }

    /** How the worker ended, for error messages: {@code exit status 3}, and why the pool killed it if it did. */
    String describeEnd(int exitStatus) {
        return end(exitStatus).description();
    }

    /** How the worker ended, told from its exit status, what the pool did to it and its last lines on stderr. */
    WorkerEnd end(int exitStatus) {
        return WorkerEnd.of(exitStatus, killedBecause, frozen, stderrTail.lastLines(), WorkerEnd.unix());
    }

    @Override
    public String toString() {
        return "worker " + slot + " (pid " + process.pid() + ")";
    }

    private void read(Listener listener) {
        try {
            SocketChannel accepted = server.accept();
            channel = accepted;
            closeQuietly(server);
            Files.deleteIfExists(socket); // connected: no one else is to find it
            writer.start();
            // The second part carries the heartbeat's period (0: none), then what to warm up (or nothing).
            enqueue(
                    Protocol.HELLO,
                    nonce,
                    initializer,
                    ByteBuffer.allocate(Long.BYTES + warmUp.length)
                            .putLong(heartbeatMillis)
                            .put(warmUp)
                            .array());
            flush();
            DataInputStream fromWorker =
                    new DataInputStream(new BufferedInputStream(timedWait(Channel.in(accepted)), BUFFER));
            if (fromWorker.readLong() != Protocol.MAGIC) {
                throw new IOException("the worker's channel does not start with the protocol's magic number");
            }
            handshake(fromWorker);
            for (Protocol.Frame frame; (frame = Protocol.read(fromWorker)) != null; ) {
                switch (frame.type()) {
                    case Protocol.STDOUT -> copy(frame.part1(), System.out);
                    case Protocol.STDERR -> {
                        stderrTail.add(frame.part1(), 0, frame.part1().length);
                        copy(frame.part1(), System.err);
                    }
                    case Protocol.HEARTBEAT -> {
                        // its arrival is all it says: the worker lives
                    }
                    default -> listener.onReply(this, frame);
                }
            }
        } catch (EOFException | java.nio.channels.AsynchronousCloseException e) {
            // It ended mid-frame, or before it connected: the same as ending between frames.
        } catch (IOException | RuntimeException | Error e) {
            // What it sent made no sense, or reading it failed (a result too deep to decode, no memory
            // left): no use to us any more.
            kill("sent what the pool could not read (" + e + "), so the pool killed it");
        }
        inputEnded = true;
        LockSupport.unpark(writer);
        closeQuietly(channel);
        closeQuietly(server);
        int exitStatus = exitStatus();
        drainPlainOutput();
        if (!ready.isDone()) { // told only when it is news: the telling loads classes a clean close need not
            ready.completeExceptionally(new PoolException(
                    this + " ended with " + describeEnd(exitStatus) + " before it answered the handshake"));
        }
        listener.onExit(this, exitStatus);
        if (!(socketEndedByPool && exitStatus == 0)) {
            // It did not end as the pool asked, which ends what its tasks started: killed from outside, say,
            // its children were left to init, out of reach of descendants(). Found by their mark instead;
            // after onExit, so that the scan delays neither the failure nor the replacement. close() waits
            // for this thread, so it is done when close() returns.
            ProcessTree.killMarked(treeMark);
        }
    }

    /** The writer thread: sends queued frames in order, flushing when the queue runs dry. */
    private void write() {
        DataOutputStream toWorker = new DataOutputStream(new BufferedOutputStream(Channel.out(channel), BUFFER));
        try {
            while (true) {
                Protocol.Frame frame = outbox.poll();
                if (frame != null) {
                    Protocol.write(toWorker, frame.type(), frame.id(), frame.part1(), frame.part2(), false);
                    continue;
                }
                toWorker.flush();
                if (inputEnded && outbox.isEmpty()) {
                    channel.shutdownOutput();
                    return;
                }
                LockSupport.park(this);
            }
        } catch (IOException | RuntimeException gone) {
            // Its reader sees the channel end, and fails or requeues its jobs.
            outbox.clear();
        }
    }

    private void handshake(DataInputStream fromWorker) throws IOException {
        Protocol.Frame hello = Protocol.read(fromWorker);
        if (hello != null && hello.type() == Protocol.FAILURE && hello.id() == nonce) {
            RemoteFailure failure;
            try {
                failure = (RemoteFailure) new AllowList(List.of()).deserialize(hello.part1());
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IOException(this + " said its initializer failed, unreadably", e);
            }
            ready.completeExceptionally(new PoolException(
                    this + ": the pool's " + (warmUp.length > 0 ? "initializer or warm-up" : "initializer")
                            + " failed: " + failure.summary(),
                    failure.toException()));
            return; // it ends by itself
        }
        if (hello == null || hello.type() != Protocol.HELLO || hello.id() != nonce) {
            throw new IOException(this + " answered the handshake wrongly");
        }
        int version = ByteBuffer.wrap(hello.part1()).getInt();
        if (version != Protocol.VERSION) {
            throw new IOException(this + " speaks protocol " + version + ", not " + Protocol.VERSION);
        }
        ready.complete(this);
    }

    private int exitStatus() {
        try {
            if (process.waitFor(EXIT_STATUS_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(); // its channel ended but it lives on: it is of no use to us
        return -1;
    }

    /**
     * Copies what reaches the worker's real stdout or stderr (native code, a child process started with
     * inheritIO, a logger holding FileDescriptor.out) to the parent's stream of the moment, as it comes.
     */
    private static Thread pump(InputStream from, Supplier<PrintStream> to, String name, StderrTail tail) {
        return Thread.ofPlatform().name(name).daemon(true).stackSize(128 * 1024).start(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                for (int read; (read = from.read(buffer)) >= 0; ) {
                    if (tail != null) {
                        tail.add(buffer, 0, read);
                    }
                    PrintStream out = to.get();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // the worker is gone
            }
        });
    }

    /**
     * Lets what the worker wrote to its real stdout and stderr arrive before it counts as ended, so that
     * {@code close()} loses none of it (a child process started with inheritIO may have written it).
     */
    private void drainPlainOutput() {
        long until = System.nanoTime() + PLAIN_OUTPUT_DRAIN.toNanos();
        try {
            for (Thread pump : pumps) {
                pump.join(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The worker's bytes, noting while the reader waits for them: how the pool tells a frozen worker. */
    private InputStream timedWait(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                waitingSince = System.nanoTime();
                try {
                    return super.read(bytes, offset, length);
                } finally {
                    waitingSince = 0;
                }
            }
        };
    }

    /** The last few lines a worker wrote to stderr, its own or its tasks', kept for the error when it dies. */
    static final class StderrTail {
        private static final int KEEP = 2048;
        private static final int LINES = 5;
        private final byte[] ring = new byte[KEEP];
        private long written;

        synchronized void add(byte[] bytes, int offset, int length) {
            for (int i = Math.max(offset, offset + length - KEEP); i < offset + length; i++) {
                ring[(int) (written++ % KEEP)] = bytes[i];
            }
        }

        /** Up to the last five lines, as the parent's stderr would print them. */
        synchronized String lastLines() {
            int size = (int) Math.min(written, KEEP);
            byte[] last = new byte[size];
            for (int i = 0; i < size; i++) {
                last[i] = ring[(int) ((written - size + i) % KEEP)];
            }
            String text = new String(last, System.err.charset()).strip();
            String[] lines = text.split("\\R");
            return String.join(
                    "\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - LINES), lines.length));
        }
    }

    /** Prints a task's output on the parent's stream of this moment, which a caller may have replaced. */
    private static void copy(byte[] bytes, PrintStream to) {
        to.write(bytes, 0, bytes.length);
        to.flush();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
