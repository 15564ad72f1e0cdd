package io.github.poolbench.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.EOFException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The parent's end of one worker JVM: its pipes, and a reader thread that takes the worker's frames,
 * prints what its tasks printed and hands replies and the worker's end to the {@link Listener}.
 */
final class WorkerProcess {

    /** What the pool hears from a worker; called on the worker's reader thread. */
    interface Listener {
        void onReply(WorkerProcess worker, Protocol.Frame reply);

        /** The worker is gone: its stdout ended, it has exited (or been killed) with {@code exitStatus}. */
        void onExit(WorkerProcess worker, int exitStatus);
    }

    private static final Duration EXIT_STATUS_WAIT = Duration.ofSeconds(2);

    private final int slot;
    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final long nonce = ThreadLocalRandom.current().nextLong();
    private final CompletableFuture<WorkerProcess> ready = new CompletableFuture<>();
    private final Thread reader;
    private final Queue<Protocol.Frame> outbox = new ConcurrentLinkedQueue<>();
    /** Why the pool killed this worker, if it did because of what it sent. */
    private volatile String killedBecause;
    /** Jobs sent and not yet answered, the running one first; guarded by the pool's lock. */
    final ArrayDeque<ProcessWorkerPool.Job> inFlight = new ArrayDeque<>(ProcessWorkerPool.JOBS_PER_WORKER);
    /** The id of the job asked back from this worker, or 0; guarded by the pool's lock. */
    long recalling;

    private WorkerProcess(String readerName, int slot, Process process, Listener listener) {
        this.slot = slot;
        this.process = process;
        this.toWorker = new DataOutputStream(process.getOutputStream());
        this.fromWorker = new DataInputStream(process.getInputStream());
        this.reader = Thread.ofPlatform().name(readerName).daemon(true)
                .stackSize(256 * 1024).unstarted(() -> read(listener));
    }

    /**
     * Starts a worker JVM and sends it the handshake; {@link #startReader()} then listens, and
     * {@link #ready()} completes when the worker answers.
     */
    static WorkerProcess spawn(String readerName, int slot, List<String> command, Listener listener)
            throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT) // the JVM's own complaints, e.g. on OOM
                .start();
        WorkerProcess worker = new WorkerProcess(readerName, slot, process, listener);
        try {
            synchronized (worker.toWorker) {
                Protocol.write(worker.toWorker, Protocol.HELLO, worker.nonce, new byte[0]);
            }
        } catch (IOException e) {
            // It died at once; the reader will find out why and report it.
        }
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

    /**
     * Writes the queued frames in order. Any thread may call it once it has released the pool's lock:
     * whoever comes first writes everything queued so far, so frames never overtake one another.
     */
    void flush() {
        synchronized (toWorker) {
            for (Protocol.Frame frame; (frame = outbox.poll()) != null; ) {
                try {
                    Protocol.write(toWorker, frame.type(), frame.id(), frame.part1(), frame.part2());
                } catch (IOException dying) {
                    // Its reader will see its stdout end, and fail or requeue its jobs.
                    outbox.clear();
                    return;
                }
            }
        }
    }

    /** Closes the worker's stdin: it ends as soon as it sees that, even mid-task. */
    void closeInput() {
        try {
            synchronized (toWorker) {
                toWorker.close();
            }
        } catch (IOException alreadyGone) {
            // nothing to close
        }
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
            Protocol.skipToMagic(fromWorker, System.out);
            handshake();
            for (Protocol.Frame frame; (frame = Protocol.read(fromWorker)) != null; ) {
                switch (frame.type()) {
                    case Protocol.STDOUT -> copy(frame.part1(), System.out);
                    case Protocol.STDERR -> copy(frame.part1(), System.err);
                    default -> listener.onReply(this, frame);
                }
            }
        } catch (EOFException e) {
            // It ended mid-frame: the same as ending between frames.
        } catch (IOException | RuntimeException e) {
            // Its stdout made no sense, e.g. a task wrote to file descriptor 1 itself: no use to us any more.
            killedBecause = "wrote what the pool could not read (" + e.getMessage() + "), so the pool killed it";
            kill();
        }
        int exitStatus = exitStatus();
        ready.completeExceptionally(new PoolException(
                this + " ended with " + describeEnd(exitStatus) + " before it answered the handshake"));
        listener.onExit(this, exitStatus);
    }

    private void handshake() throws IOException {
        Protocol.Frame hello = Protocol.read(fromWorker);
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
        kill(); // its stdout ended but it lives on: it is of no use to us
        return -1;
    }

    /** Prints a task's output on the parent's stream of this moment, which a caller may have replaced. */
    private static void copy(byte[] bytes, PrintStream to) {
        to.write(bytes, 0, bytes.length);
        to.flush();
    }
}
