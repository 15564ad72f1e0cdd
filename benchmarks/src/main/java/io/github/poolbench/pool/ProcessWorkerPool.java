package io.github.poolbench.pool;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link PoolKind#PROCESS}: worker JVMs that take jobs from one queue, each as soon as it is free, like a
 * queue at a shop. A worker that dies fails only the job it ran, with its exit status, and is replaced.
 */
final class ProcessWorkerPool extends AbstractWorkerPool implements WorkerProcess.Listener {

    /** After this many workers in a row die before their handshake, the pool stops replacing them. */
    private static final int MAX_FAILED_STARTS = 3;
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    /** A chunk ready to send: its task and inputs already serialized, so that a bad one fails at once. */
    record Job(long id, Chunk<?, ?> chunk, byte[] task, byte[] inputs) {
    }

    /** The last task serialized, by identity: a map sends the same one with every chunk. */
    private record SerializedTask(Task<?, ?> task, byte[] bytes) {
    }

    private final AllowList allowList;
    private final WorkerLauncher launcher;
    private final AtomicLong jobIds = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a worker goes idle or away, for close() to wait on. */
    private final Condition workerFreed = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final ArrayDeque<WorkerProcess> idle = new ArrayDeque<>();
    /** Every worker started and not yet gone, ready or not. */
    private final Set<WorkerProcess> workers = new LinkedHashSet<>();
    private int busy;
    private int nextSlot;
    private int failedStartsInARow;
    private volatile SerializedTask lastTask;

    private ProcessWorkerPool(int size, PoolOptions options) {
        super(PoolKind.PROCESS, size, options);
        this.allowList = new AllowList(options.allowedClasses());
        this.launcher = new WorkerLauncher(options, allowList);
    }

    /** Starts {@code size} workers at once and returns when all have answered their handshake. */
    static ProcessWorkerPool start(int size, PoolOptions options) {
        ProcessWorkerPool pool = new ProcessWorkerPool(size, options);
        try {
            List<WorkerProcess> started = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                started.add(pool.startWorker());
            }
            long deadline = System.nanoTime() + options.startTimeout().toNanos();
            for (WorkerProcess worker : started) {
                worker.ready().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            return pool;
        } catch (IOException | ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            pool.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PoolException("Could not start a PROCESS pool of " + size + " workers within "
                    + options.startTimeout() + ": " + cause.getMessage() + "; the command was " + pool.launcher.command(), cause);
        }
    }

    /** The worker processes alive now, for tests that prove they end. */
    List<ProcessHandle> workerHandles() {
        lock.lock();
        try {
            return workers.stream().map(WorkerProcess::handle).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void dispatch(Chunk<?, ?> chunk) {
        Job job;
        try {
            job = new Job(jobIds.incrementAndGet(), chunk, serializedTask(chunk.task()),
                    AllowList.serialize(chunk.inputs().toArray()));
        } catch (IOException | RuntimeException e) {
            chunk.results().completeExceptionally(new SerializationFailedException(
                    "Cannot send " + chunk.describe() + " to a worker process: " + notSerializable(e), e));
            return;
        }
        WorkerProcess worker;
        lock.lock();
        try {
            if (isClosed()) {
                chunk.results().completeExceptionally(closedError());
                return;
            }
            if (workers.isEmpty() && failedStartsInARow >= MAX_FAILED_STARTS) {
                chunk.results().completeExceptionally(new PoolException(
                        "The " + this + " has no worker left: the last " + MAX_FAILED_STARTS + " failed to start"));
                return;
            }
            worker = idle.poll();
            if (worker == null) {
                queue.add(job);
                return;
            }
            assign(worker, job);
        } finally {
            lock.unlock();
        }
        send(worker, job);
    }

    @Override
    public void onReply(WorkerProcess worker, Protocol.Frame reply) {
        Job done;
        Job next;
        lock.lock();
        try {
            done = worker.current;
            if (done == null || done.id() != reply.id()) {
                throw new IllegalStateException(worker + " answered job " + reply.id() + " it was not given");
            }
            worker.current = null;
            busy--;
            next = nextJobFor(worker);
        } finally {
            lock.unlock();
        }
        if (next != null) {
            send(worker, next); // first, so that the worker is busy again while we read this reply
        }
        complete(worker, done, reply);
    }

    @Override
    public void onExit(WorkerProcess worker, int exitStatus) {
        Job lost;
        boolean replace;
        lock.lock();
        try {
            workers.remove(worker);
            idle.remove(worker);
            lost = worker.current;
            if (lost != null) {
                worker.current = null;
                busy--;
            }
            if (!worker.ready().isCompletedExceptionally()) {
                failedStartsInARow = 0;
            } else {
                failedStartsInARow++;
            }
            replace = !isClosed() && failedStartsInARow < MAX_FAILED_STARTS;
            if (!replace && workers.isEmpty()) {
                failQueued(isClosed() ? null : "no worker left: the last " + MAX_FAILED_STARTS + " failed to start");
            }
            workerFreed.signalAll();
        } finally {
            lock.unlock();
        }
        if (lost != null) {
            lost.chunk().results().completeExceptionally(isClosed()
                    ? new PoolClosedException("The " + this + " was closed before " + lost.chunk().describe() + " finished")
                    : new WorkerDiedException(worker + " died with exit status " + exitStatus + " while running "
                            + lost.chunk().describe() + "; the pool has replaced it", exitStatus));
        }
        if (replace) {
            try {
                startWorker();
            } catch (IOException | RuntimeException e) {
                System.err.println("poolbench: could not replace " + worker + ": " + e);
            }
        }
    }

    @Override
    protected void shutdownWorkers() {
        long deadline = System.nanoTime() + options().closeGrace().toNanos();
        List<WorkerProcess> all;
        lock.lock();
        try {
            // Graceful: let queued and running jobs finish within the grace period.
            while ((!queue.isEmpty() || busy > 0) && !workers.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || workerFreed.awaitNanos(left) <= 0) {
                    break;
                }
            }
            all = List.copyOf(workers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all = List.copyOf(workers);
        } finally {
            lock.unlock();
        }
        all.forEach(WorkerProcess::closeInput); // a worker ends as soon as its stdin does, busy or not
        try {
            for (WorkerProcess worker : all) {
                if (!worker.awaitExit(KILL_WAIT)) {
                    worker.kill(); // wedged, e.g. stopped: no more patience
                    worker.awaitExit(KILL_WAIT);
                }
            }
            for (WorkerProcess worker : all) {
                worker.joinReader(KILL_WAIT);
            }
        } catch (InterruptedException e) {
            all.forEach(WorkerProcess::kill);
            Thread.currentThread().interrupt();
        }
    }

    private WorkerProcess startWorker() throws IOException {
        lock.lock();
        try {
            if (isClosed()) {
                throw closedError();
            }
            int slot = nextSlot++;
            WorkerProcess worker = WorkerProcess.start(
                    "poolbench-worker-reader-" + poolId + "-" + slot, slot, launcher.command(), this);
            workers.add(worker);
            worker.ready().thenAccept(this::becameReady);
            // A worker that never answers is killed; its reader then reports it gone.
            worker.ready().orTimeout(options().startTimeout().toNanos(), TimeUnit.NANOSECONDS)
                    .exceptionally(timeout -> {
                        worker.kill();
                        return worker;
                    });
            return worker;
        } finally {
            lock.unlock();
        }
    }

    private void becameReady(WorkerProcess worker) {
        Job next;
        lock.lock();
        try {
            if (!workers.contains(worker)) {
                return;
            }
            next = nextJobFor(worker);
        } finally {
            lock.unlock();
        }
        if (next != null) {
            send(worker, next);
        }
    }

    /** The next job still wanted, assigned to {@code worker}; or null, and the worker waits idle. */
    private Job nextJobFor(WorkerProcess worker) {
        for (Job job; (job = queue.poll()) != null; ) {
            if (!job.chunk().results().isDone()) { // skips cancelled jobs
                assign(worker, job);
                return job;
            }
        }
        idle.add(worker);
        workerFreed.signalAll();
        return null;
    }

    private void assign(WorkerProcess worker, Job job) {
        worker.current = job;
        busy++;
    }

    private void send(WorkerProcess worker, Job job) {
        try {
            worker.send(Protocol.TASK, job.id(), job.task(), job.inputs());
        } catch (IOException e) {
            // The worker is dying: its reader will see the end of its stdout and fail this job.
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void complete(WorkerProcess worker, Job job, Protocol.Frame reply) {
        Chunk chunk = job.chunk();
        try {
            Object decoded = allowList.deserialize(reply.part1());
            if (reply.type() == Protocol.RESULT) {
                chunk.results().complete(Arrays.asList((Object[]) decoded));
                return;
            }
            RemoteFailure failure = (RemoteFailure) decoded;
            String input = chunk.describe(failure.failedAt());
            chunk.results().completeExceptionally(switch (failure.stage()) {
                case TASK_THREW -> new TaskFailedException("Task failed on " + input + " in " + worker + ": "
                        + failure.summary(), failure.toException());
                case REQUEST_UNREADABLE -> new SerializationFailedException(worker + " could not read the task for "
                        + chunk.describe() + ": " + failure.summary(), failure.toException());
                case RESULT_UNWRITABLE -> new SerializationFailedException("The result for " + input + " cannot be sent back from "
                        + worker + ": " + failure.summary(), failure.toException());
            });
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            chunk.results().completeExceptionally(new SerializationFailedException(
                    "Cannot read the reply for " + chunk.describe() + " from " + worker + ": " + e, e));
        }
    }

    private byte[] serializedTask(Task<?, ?> task) throws IOException {
        SerializedTask last = lastTask;
        if (last != null && last.task() == task) {
            return last.bytes();
        }
        byte[] bytes = AllowList.serialize(task);
        lastTask = new SerializedTask(task, bytes);
        return bytes;
    }

    /** Fails every queued job; with a null reason, as closed. Called with the lock held. */
    private void failQueued(String reason) {
        for (Job job; (job = queue.poll()) != null; ) {
            job.chunk().results().completeExceptionally(reason == null
                    ? new PoolClosedException("The " + this + " was closed before " + job.chunk().describe() + " started")
                    : new PoolException("Cannot run " + job.chunk().describe() + ": " + reason));
        }
    }

    private static String notSerializable(Throwable e) {
        return e instanceof NotSerializableException ? "class " + e.getMessage() + " is not Serializable"
                : e instanceof InvalidClassException ? e.getMessage() : e.toString();
    }
}
