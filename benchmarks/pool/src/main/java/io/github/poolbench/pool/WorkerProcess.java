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
            Listener listener) {
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
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw e;
        }
        process.getOutputStream().close(); // nothing comes on stdin: a task that reads it sees its end
        List<Thread> pumps = List.of(
                pump(process.getInputStream(), () -> System.out, readerName.replace("reader", "stdout")),
                pump(process.getErrorStream(), () -> System.err, readerName.replace("reader", "stderr")));
        WorkerProcess worker =
                new WorkerProcess(readerName, slot, process, socket, server, initializer, warmUp, pumps, listener);
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

    /** Ends the worker's input after what is queued: it ends as soon as it reads that, even mid-task. */
    void endInput() {
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

    /** Waits for the reader thread to finish its last report. */
    void joinReader(Duration wait) throws InterruptedException {
        reader.join(wait);
    }

    /** How the worker ended, for error messages: {@code exit status 3}, and why the pool killed it if it did. */
    String describeEnd(int exitStatus) {
        return "exit status " + exitStatus + (killedBecause == null ? "" : " after it " + killedBecause);
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
            enqueue(Protocol.HELLO, nonce, initializer, warmUp);
            flush();
            DataInputStream fromWorker = new DataInputStream(new BufferedInputStream(Channel.in(accepted), BUFFER));
            if (fromWorker.readLong() != Protocol.MAGIC) {
                throw new IOException("the worker's channel does not start with the protocol's magic number");
            }
            handshake(fromWorker);
            for (Protocol.Frame frame; (frame = Protocol.read(fromWorker)) != null; ) {
                switch (frame.type()) {
                    case Protocol.STDOUT -> copy(frame.part1(), System.out);
                    case Protocol.STDERR -> copy(frame.part1(), System.err);
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
        ready.completeExceptionally(new PoolException(
                this + " ended with " + describeEnd(exitStatus) + " before it answered the handshake"));
        listener.onExit(this, exitStatus);
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
    private static Thread pump(InputStream from, Supplier<PrintStream> to, String name) {
        return Thread.ofPlatform().name(name).daemon(true).stackSize(128 * 1024).start(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                for (int read; (read = from.read(buffer)) >= 0; ) {
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
