package io.github.poolbench.pool;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link PoolKind#PROCESS}: worker JVMs that take jobs from one queue, each as soon as it is free, like a
 * queue at a shop. A worker that dies fails only the job it ran, with its exit status, and is replaced.
 *
 * <p>To hide the round trip, a busy worker may hold one more job, sent ahead so that it starts the moment
 * the first ends (Python's pool pipelines the same way). Such a job is not stuck there: when another
 * worker runs out of work, it is recalled from the busy worker and goes to the free one, so tasks still
 * start in queue order on whichever worker is free first.
 */
final class ProcessWorkerPool extends AbstractWorkerPool implements WorkerProcess.Listener {

    /** The running job plus one sent ahead. */
    static final int JOBS_PER_WORKER = 2;
    /** After this many workers in a row die before their handshake, the pool stops replacing them. */
    private static final int MAX_FAILED_STARTS = 3;
    /** How long a worker may take to notice the end of its socket and exit, whatever the grace. */
    private static final Duration EXIT_AFTER_SOCKET_END = Duration.ofSeconds(1);
    /** How long a killed worker may take to be gone. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final byte[] NOTHING = new byte[0];

    /** A chunk ready to send: its task and inputs already serialized, so that a bad one fails at once. */
    record Job(long id, Chunk<?, ?> chunk, byte[] task, byte[] inputs) {}

    /** The last task serialized, by identity: a map sends the same one with every chunk. */
    private record SerializedTask(Task<?, ?> task, byte[] bytes) {}

    private final AllowList allowList;
    private final WorkerLauncher launcher;
    private final byte[] initializer;
    /** The HELLO frame's warm-up part ({@link PoolOptions#warmUp()}): empty, or "warm up" and class names. */
    private final byte[] warmUp;
    /** Where the workers' sockets are made: a folder only this user may enter. */
    private final java.nio.file.Path socketFolder;

    private final AtomicLong jobIds = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a worker runs out of jobs or goes away, for close() to wait on. */
    private final Condition workerFreed = lock.newCondition();

    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    /** Workers that answered their handshake and have not gone. */
    private final List<WorkerProcess> ready = new ArrayList<>();
    /** Every worker started and not yet gone, ready or not. */
    private final Set<WorkerProcess> workers = new LinkedHashSet<>();
    /** Workers gone whose reader may still be ending what their tasks started, for close() to wait on. */
    private final List<WorkerProcess> gone = new ArrayList<>();
    /** Workers started ahead ({@link PoolOptions#spareWorkers()}), serving no job until one takes a dead one's place. */
    private final Set<WorkerProcess> spares = new LinkedHashSet<>();

    private int nextSlot;
    private int failedStartsInARow;
    private volatile SerializedTask lastTask;

    /** How often a worker sends a heartbeat, in nanoseconds: once a second, or four times within the heartbeat timeout. */
    private final long heartbeatInterval;
    /** Looks for workers silent past the heartbeat timeout, every heartbeat interval. */
    private final java.util.concurrent.ScheduledFuture<?> heartbeatCheck;
    /** When the check last ran; a check that runs far too late means this JVM stalled, not its workers. */
    private volatile long lastCheck = System.nanoTime();

    private ProcessWorkerPool(int size, PoolOptions options, StartupCache.Launch launch) {
        super(PoolKind.PROCESS, size, options);
        this.allowList = new AllowList(options.allowedClasses());
        this.launcher = new WorkerLauncher(options, allowList, launch);
        this.warmUp = options.warmUp()
                ? String.join(
                                "\n",
                                Stream.concat(Stream.of("warm up"), options.warmUpClasses().stream())
                                        .toList())
                        .getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        try {
            this.initializer =
                    options.initializer() == null ? new byte[0] : TaskCodec.encodeSerialized(options.initializer());
        } catch (IOException e) {
            throw new SerializationFailedException(
                    "Cannot send the initializer to worker processes: " + notSerializable(e), e);
        }
        try {
            this.socketFolder = Channel.privateFolder();
        } catch (IOException e) {
            throw new PoolException("Could not make a private folder for the workers' sockets: " + e, e);
        }
        // In nanoseconds: Duration.dividedBy would load BigDecimal into every parent, for a division.
        this.heartbeatInterval = Math.min(options.heartbeatTimeout().toNanos() / 4, TimeUnit.SECONDS.toNanos(1));
        this.heartbeatCheck = TIMER.scheduleWithFixedDelay(
                this::killFrozenWorkers, heartbeatInterval, heartbeatInterval, TimeUnit.NANOSECONDS);
    }

    /**
     * Kills every worker that has sent nothing, not even a heartbeat, for the heartbeat timeout while its
     * reader waited: it is stopped, swapped out or stuck, and would hold the job sent ahead to it for good.
     * Its reader then fails the job it ran and gives the rest to other workers.
     */
    private void killFrozenWorkers() {
        long now = System.nanoTime();
        long sinceLastCheck = now - lastCheck;
        lastCheck = now;
        long timeout = options().heartbeatTimeout().toNanos();
        if (sinceLastCheck > heartbeatInterval + timeout / 2) {
            return; // this JVM itself was stopped or starved: its workers get a fresh chance
        }
        List<WorkerProcess> silent;
        lock.lock();
        try {
            silent = ready.stream()
                    .filter(worker -> worker.silentFor(now) > timeout)
                    .toList();
        } finally {
            lock.unlock();
        }
        silent.forEach(worker -> worker.killFrozen(options().heartbeatTimeout()));
    }

    /**
     * Starts {@code size} workers at once and returns when all have answered their handshake. Fails at once
     * past the cap on workers ({@link WorkerCap}); at the start timeout it stops launching, ends every worker
     * it started and fails. With the AOT start-up cache if there is one (else one is made in the background,
     * for later pools).
     */
    static ProcessWorkerPool start(int size, PoolOptions options) {
        StartupCache cache = StartupCache.forThisJvm();
        return start(size, options, cache == null ? StartupCache.Launch.PLAIN : cache.plan(options));
    }

    /** As above, its workers launched as {@code launch} says. */
    static ProcessWorkerPool start(int size, PoolOptions options, StartupCache.Launch launch) {
        String overCap = WorkerCap.check(size, options);
        if (overCap != null) {
            throw new PoolException("Could not start a PROCESS pool of " + size + " workers: " + overCap);
        }
        ProcessWorkerPool pool = new ProcessWorkerPool(size, options, launch);
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        // Spawning a process takes milliseconds of its own, so each worker gets its own launching thread.
        // Not closed in try-with-resources: close() would wait for every launch, past the timeout.
        ExecutorService launchers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform()
                .daemon(true)
                .name("poolbench-worker-launcher-" + pool.poolId + "-", 0)
                .factory());
        List<Future<WorkerProcess>> started = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                started.add(launchers.submit(() -> pool.startWorker(false)));
            }
            for (Future<WorkerProcess> worker : started) {
                worker.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                        .ready()
                        .get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            for (int i = 0; i < options.spareWorkers(); i++) {
                launchers.submit(() -> pool.startWorker(true)); // after the others: open does not wait for it
            }
            return pool;
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            launchers.shutdownNow(); // launches not begun never begin
            pool.close(); // a launch under way sees the pool closed and kills its worker
            try {
                launchers.awaitTermination(KILL_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            long answered = started.stream()
                    .filter(launched -> launched.state() == Future.State.SUCCESS
                            && launched.resultNow().ready().state() == Future.State.SUCCESS)
                    .count();
            // The worker's own start timer (startWorker) may fail its handshake first, with the same meaning.
            String why = cause instanceof TimeoutException
                    ? (size - answered) + " of them had not answered their handshake"
                            + " (a slow initializer? a machine too busy?)"
                    : cause.getMessage();
            throw new PoolException(
                    "Could not start a PROCESS pool of " + size + " workers within " + options.startTimeout() + ": "
                            + why + "; the command was " + pool.launcher.command(),
                    cause);
        } finally {
            launchers.shutdown(); // its threads end with their launch
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

    /** The spare workers that have answered their handshake, for tests. */
    List<ProcessHandle> readySpareHandles() {
        lock.lock();
        try {
            return spares.stream()
                    .filter(spare -> spare.ready().isDone() && !spare.ready().isCompletedExceptionally())
                    .map(WorkerProcess::handle)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void dispatch(Chunk<?, ?> chunk) {
        dispatchAll(List.of(chunk));
    }

    /**
     * Serializes every chunk first, then queues them all under one lock and writes the frames back to
     * back: each write wakes a worker, which on a busy machine can take the CPU from this thread, so
     * the less work between writes, the sooner the last task starts.
     */
    @Override
    protected void dispatchAll(List<? extends Chunk<?, ?>> chunks) {
        List<Job> jobs = new ArrayList<>(chunks.size());
        for (Chunk<?, ?> chunk : chunks) {
            try {
                jobs.add(new Job(
                        jobIds.incrementAndGet(),
                        chunk,
                        serializedTask(chunk.task()),
                        Protocol.sendable(ValueCodec.encode(chunk.inputs().toArray()))));
            } catch (IOException | RuntimeException e) {
                chunk.results()
                        .completeExceptionally(new SerializationFailedException(
                                "Cannot send " + chunk.describe() + " to a worker process: " + notSerializable(e), e));
            }
        }
        List<WorkerProcess> toFlush;
        lock.lock();
        try {
            for (Job job : jobs) {
                if (isClosed()) {
                    job.chunk().results().completeExceptionally(closedError());
                } else if (workers.isEmpty() && failedStartsInARow >= MAX_FAILED_STARTS) {
                    job.chunk()
                            .results()
                            .completeExceptionally(new PoolException("The " + this + " has no worker left: the last "
                                    + MAX_FAILED_STARTS + " failed to start"));
                } else {
                    queue.add(job);
                }
            }
            toFlush = schedule();
        } finally {
            lock.unlock();
        }
        flush(toFlush);
    }

    @Override
    public void onReply(WorkerProcess worker, Protocol.Frame reply) {
        Job answered = null;
        List<WorkerProcess> toFlush;
        if (reply.type() == Protocol.DUMP) {
            finishStop(worker, reply.id(), "its thread dump:\n" + new String(reply.part1(), StandardCharsets.UTF_8));
            return;
        }
        lock.lock();
        try {
            if (reply.type() == Protocol.RECALLED) {
                Job recalled = removeInFlight(worker, reply.id());
                worker.recalling = 0;
                queue.addFirst(recalled); // it was next in line before
            } else {
                // Checked before anything changes: on a protocol error every job is still in place
                // for onExit, after the reader kills the worker, to fail or requeue.
                Job first = worker.inFlight.peekFirst();
                if (first == null || first.id() != reply.id()) {
                    throw new IllegalStateException(worker + " answered job " + reply.id() + " out of turn");
                }
                answered = worker.inFlight.pollFirst();
                worker.jobsDone++;
                int max = options().maxTasksPerWorker();
                if (max > 0 && worker.jobsDone >= max && worker.inFlight.isEmpty()) {
                    worker.retiring = true; // it ends now; its reader then starts a fresh one
                    ready.remove(worker);
                    worker.endSocket();
                }
                if (worker.stopping == answered) {
                    worker.stopping = null; // it finished before it could be stopped
                }
                if (worker.recalling == answered.id()) {
                    worker.recalling = 0; // the recall came too late: it ran here
                }
            }
            toFlush = schedule();
        } finally {
            lock.unlock();
        }
        flush(toFlush); // first, so that workers are busy again while we read this reply
        if (answered != null) {
            complete(worker, answered, reply);
        }
    }

    @Override
    public void onExit(WorkerProcess worker, int exitStatus) {
        Job lost;
        boolean replace;
        boolean spareNext;
        List<WorkerProcess> toFlush;
        lock.lock();
        try {
            workers.remove(worker);
            boolean wasServing = ready.remove(worker) || !spares.remove(worker);
            gone.removeIf(ended -> !ended.readerAlive()); // so the list holds only the few still ending
            gone.add(worker);
            // Jobs run in order, so only the oldest could have started; the rest go back to the queue.
            lost = worker.inFlight.pollFirst();
            for (Job unstarted; (unstarted = worker.inFlight.pollLast()) != null; ) {
                queue.addFirst(unstarted);
            }
            if (worker.ready().isCompletedExceptionally()) {
                failedStartsInARow++;
            } else {
                failedStartsInARow = 0;
            }
            replace = !isClosed() && failedStartsInARow < MAX_FAILED_STARTS;
            // A spare takes its place now, before the queue is served; the replacement becomes the spare.
            spareNext = !wasServing || (replace && promoteSpare());
            if (!replace && workers.isEmpty()) {
                failQueued(isClosed() ? null : "no worker left: the last " + MAX_FAILED_STARTS + " failed to start");
            }
            toFlush = schedule();
            workerFreed.signalAll();
        } finally {
            lock.unlock();
        }
        flush(toFlush);
        if (lost != null) {
            lost.chunk()
                    .results()
                    .completeExceptionally(
                            isClosed()
                                    ? new PoolClosedException("The " + this + " was closed before "
                                            + lost.chunk().describe() + " finished")
                                    : died(worker, exitStatus, lost));
        }
        if (replace) {
            try {
                startWorker(spareNext);
            } catch (PoolClosedException closedMeanwhile) {
                // no replacement needed any more
            } catch (IOException | RuntimeException e) {
                // Spawning itself fails: no point in trying again. Queued jobs wait for the workers
                // left, or fail now if there are none.
                lock.lock();
                try {
                    failedStartsInARow = MAX_FAILED_STARTS;
                    if (workers.isEmpty()) {
                        failQueued("no worker left, and a new one could not be started: " + e);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** The error for the job a worker ran when it ended: how it ended, and its last lines on stderr. */
    private static WorkerDiedException died(WorkerProcess worker, int exitStatus, Job lost) {
        WorkerEnd end = worker.end(exitStatus);
        String what = end.reason() == WorkerDiedException.Reason.STOPPED_ANSWERING
                ? worker + " stopped answering while running " + lost.chunk().describe() + ": " + end.description()
                : worker + " died with " + end.description() + " while running "
                        + lost.chunk().describe();
        return new WorkerDiedException(
                what + "; the pool has replaced it"
                        + (end.stderrTail().isEmpty() ? "" : ". Its last lines on stderr:\n" + end.stderrTail()),
                exitStatus,
                end.reason());
    }

    /**
     * A queued job is dropped. A running one: its worker is asked for a thread dump ({@code STOP}), and
     * when that comes, or a grace later, the job fails with it and the worker is killed; its reader
     * then starts a replacement.
     */
    @Override
    protected void stop(Chunk<?, ?> chunk, Function<String, PoolException> failure) {
        WorkerProcess runner = null;
        Job job = null;
        lock.lock();
        try {
            for (WorkerProcess worker : workers) {
                Job first = worker.inFlight.peekFirst();
                if (first != null && first.chunk() == chunk) {
                    runner = worker;
                    job = first;
                    break;
                }
            }
            if (runner != null && runner.stopping == null) {
                runner.stopping = job;
                runner.stopFailure = failure;
                runner.enqueue(Protocol.STOP, job.id(), NOTHING, NOTHING);
            } else if (runner != null) {
                return; // being stopped already
            }
        } finally {
            lock.unlock();
        }
        if (runner == null) {
            chunk.results().completeExceptionally(failure.apply("it had not started"));
            return;
        }
        runner.flush();
        WorkerProcess worker = runner;
        long id = job.id();
        TIMER.schedule(
                () -> finishStop(worker, id, "no thread dump: " + worker + " did not answer within " + DUMP_GRACE),
                DUMP_GRACE.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /**
     * How long a worker told to stop a task has to send its thread dump before it is killed without one. A
     * worker that answers does so in milliseconds, but on a loaded machine its process may wait hundreds of
     * milliseconds for a CPU (a clean-clone test run at a 1-minute load of 12 lost the dump at 300 ms); only
     * a worker that is stuck pays the whole wait.
     */
    static final Duration DUMP_GRACE = Duration.ofSeconds(1);

    /** Fails the job being stopped with {@code detail} and kills its worker, unless it finished meanwhile. */
    private void finishStop(WorkerProcess worker, long id, String detail) {
        Job job;
        Function<String, PoolException> failure;
        lock.lock();
        try {
            job = worker.stopping;
            if (job == null || job.id() != id) {
                return; // it finished meanwhile, or was reported already
            }
            worker.stopping = null;
            failure = worker.stopFailure;
        } finally {
            lock.unlock();
        }
        job.chunk()
                .results()
                .completeExceptionally(
                        failure.apply(detail + "\nThe pool killed " + worker + " and starts another in its place"));
        worker.kill("was stopped with " + job.chunk().describe());
    }

    @Override
    protected void shutdownWorkers() {
        heartbeatCheck.cancel(false);
        long deadline = System.nanoTime() + options().closeGrace().toNanos();
        List<WorkerProcess> all;
        lock.lock();
        try {
            // Graceful: let queued and running jobs finish within the grace period.
            while ((!queue.isEmpty() || ready.stream().anyMatch(worker -> !worker.inFlight.isEmpty()))
                    && !workers.isEmpty()) {
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
        // Still gracefully: a worker ends as soon as its socket does, busy or not. Forcibly, past the grace
        // (but never sooner than a moment after the end of its socket): one that could not, e.g. stopped.
        all.forEach(WorkerProcess::endSocket);
        long killAt = Math.max(deadline, System.nanoTime() + EXIT_AFTER_SOCKET_END.toNanos());
        try {
            for (WorkerProcess worker : all) {
                if (!worker.awaitExit(Duration.ofNanos(Math.max(0, killAt - System.nanoTime())))) {
                    worker.kill();
                    worker.awaitExit(KILL_WAIT);
                }
            }
            for (WorkerProcess worker : all) {
                worker.joinReader(KILL_WAIT);
            }
            List<WorkerProcess> ended;
            lock.lock();
            try {
                ended = List.copyOf(gone);
            } finally {
                lock.unlock();
            }
            for (WorkerProcess worker : ended) {
                worker.joinReader(KILL_WAIT); // one that died earlier may still be ending its tasks' processes
            }
        } catch (InterruptedException e) {
            all.forEach(WorkerProcess::kill);
            Thread.currentThread().interrupt();
        } finally {
            Channel.delete(socketFolder);
        }
    }

    /**
     * Moves a spare into service, one that has answered its handshake if there is one; with the lock held.
     * False if there is no spare.
     */
    private boolean promoteSpare() {
        WorkerProcess promoted = spares.stream()
                .filter(spare -> spare.ready().isDone() && !spare.ready().isCompletedExceptionally())
                .findFirst()
                .orElse(spares.isEmpty() ? null : spares.iterator().next());
        if (promoted == null) {
            return false;
        }
        spares.remove(promoted);
        if (promoted.ready().isDone() && !promoted.ready().isCompletedExceptionally()) {
            ready.add(promoted);
        } // else it serves once it answers (becameReady)
        return true;
    }

    /**
     * Spawns a worker (a spare, held back until it takes a dead worker's place, or not) outside the lock,
     * then registers it; its reader starts only once it is known.
     */
    private WorkerProcess startWorker(boolean spare) throws IOException {
        int slot;
        lock.lock();
        try {
            if (isClosed()) {
                throw closedError();
            }
            slot = nextSlot++;
        } finally {
            lock.unlock();
        }
        java.nio.file.Path socket = socketFolder.resolve(slot + ".sock");
        WorkerProcess worker = WorkerProcess.spawn(
                "poolbench-worker-reader-" + poolId + "-" + slot,
                slot,
                launcher.command(socket),
                socket,
                initializer,
                warmUp,
                this);
        boolean closedMeanwhile;
        lock.lock();
        try {
            closedMeanwhile = isClosed();
            workers.add(worker); // its reader removes it again when it ends
            if (spare) {
                spares.add(worker);
            }
        } finally {
            lock.unlock();
        }
        worker.expectHeartbeats(Math.max(1, TimeUnit.NANOSECONDS.toMillis(heartbeatInterval)));
        worker.ready().thenAccept(this::becameReady);
        // A worker that never answers is killed; its reader then reports it gone.
        worker.ready()
                .orTimeout(options().startTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(timeout -> {
                    worker.kill();
                    return worker;
                });
        worker.startReader();
        if (closedMeanwhile) {
            worker.kill(); // close() has already taken its list of workers
            throw closedError();
        }
        return worker;
    }

    private void becameReady(WorkerProcess worker) {
        List<WorkerProcess> toFlush;
        lock.lock();
        try {
            if (!workers.contains(worker) || spares.contains(worker) || ready.contains(worker)) {
                return; // gone, held back as a spare, or promoted already
            }
            ready.add(worker);
            toFlush = schedule();
        } finally {
            lock.unlock();
        }
        flush(toFlush);
    }

    /**
     * Decides who does what next, with the lock held: queued jobs go to idle workers first, then one
     * more to each busy worker; if that leaves a worker idle while another holds a job it has not
     * started, that job is recalled for the idle one.
     */
    private List<WorkerProcess> schedule() {
        List<WorkerProcess> toFlush = new ArrayList<>();
        List<WorkerProcess> idle = new ArrayList<>();
        for (WorkerProcess worker : ready) {
            if (worker.inFlight.isEmpty()) {
                idle.add(worker);
            }
        }
        for (int depth = 1; depth <= JOBS_PER_WORKER; depth++) {
            for (WorkerProcess worker : ready) {
                // Nothing more for a worker asked to give a job back: its oldest job must stay the one
                // it runs (or ran), so that if it dies, the job that failed is known.
                int max = options().maxTasksPerWorker();
                if (max > 0 && worker.jobsDone + worker.inFlight.size() >= max) {
                    continue; // its last job is in flight: nothing more, so that it can end after that one
                }
                if (worker.inFlight.size() < depth && (depth == 1 || worker.recalling == 0)) {
                    Job next = nextWantedJob();
                    if (next == null) {
                        break;
                    }
                    worker.inFlight.addLast(next);
                    idle.remove(worker);
                    worker.enqueue(Protocol.TASK, next.id(), next.task(), next.inputs());
                    toFlush.add(worker);
                }
            }
        }
        for (int unserved = idle.size(); unserved > 0; unserved--) {
            WorkerProcess holder = ready.stream()
                    .filter(worker -> worker.inFlight.size() > 1 && worker.recalling == 0)
                    .findFirst()
                    .orElse(null);
            if (holder == null) {
                break;
            }
            holder.recalling = holder.inFlight.peekLast().id();
            holder.enqueue(Protocol.RECALL, holder.recalling, NOTHING, NOTHING);
            toFlush.add(holder);
        }
        if (!idle.isEmpty()) {
            workerFreed.signalAll();
        }
        return toFlush;
    }

    /** The first queued job whose caller still wants it; cancelled ones are dropped. */
    private Job nextWantedJob() {
        for (Job job; (job = queue.poll()) != null; ) {
            if (!job.chunk().results().isDone()) {
                return job;
            }
        }
        return null;
    }

    private static Job removeInFlight(WorkerProcess worker, long id) {
        for (var jobs = worker.inFlight.iterator(); jobs.hasNext(); ) {
            Job job = jobs.next();
            if (job.id() == id) {
                jobs.remove();
                return job;
            }
        }
        throw new IllegalStateException(worker + " gave back job " + id + " it did not hold");
    }

    private static void flush(List<WorkerProcess> workers) {
        workers.forEach(WorkerProcess::flush);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void complete(WorkerProcess worker, Job job, Protocol.Frame reply) {
        Chunk chunk = job.chunk();
        try {
            if (reply.type() == Protocol.RESULT) {
                // Resolved as the worker resolves them: a result's class may exist only in the memory of the
                // task's class loader (a source-launched program, jshell), which the default would not ask.
                ClassLoader loader = chunk.task().getClass().getClassLoader();
                chunk.results().complete(Arrays.asList(ValueCodec.decode(reply.part1(), allowList, loader)));
                return;
            }
            RemoteFailure failure = (RemoteFailure) allowList.deserialize(reply.part1());
            String input = chunk.describe(failure.failedAt());
            chunk.results()
                    .completeExceptionally(
                            switch (failure.stage()) {
                                case TASK_THREW ->
                                    new TaskFailedException(
                                            "Task failed on " + input + " in " + worker + ": " + failure.summary(),
                                            failure.toException());
                                case REQUEST_UNREADABLE ->
                                    new SerializationFailedException(
                                            worker + " could not read the task for " + chunk.describe() + ": "
                                                    + failure.summary(),
                                            failure.toException());
                                case RESULT_UNWRITABLE ->
                                    new SerializationFailedException(
                                            "The result for " + input + " cannot be sent back from " + worker + ": "
                                                    + failure.summary(),
                                            failure.toException());
                            });
        } catch (Exception | Error e) { // a StackOverflowError from a deep result, too: it fails this job only
            chunk.results()
                    .completeExceptionally(new SerializationFailedException(
                            "Cannot read the reply for " + chunk.describe() + " from " + worker + ": " + e, e));
        }
    }

    private byte[] serializedTask(Task<?, ?> task) throws IOException {
        SerializedTask last = lastTask;
        if (last != null && last.task() == task) {
            return last.bytes();
        }
        byte[] bytes = TaskCodec.encode(task);
        for (String granted : TaskCodec.granted(bytes)) {
            allowList.grant(granted); // the parent reads results of the task's own classes too
        }
        lastTask = new SerializedTask(task, bytes);
        return bytes;
    }

    /** Fails every queued job; with a null reason, as closed. Called with the lock held. */
    private void failQueued(String reason) {
        for (Job job; (job = queue.poll()) != null; ) {
            job.chunk()
                    .results()
                    .completeExceptionally(
                            reason == null
                                    ? new PoolClosedException("The " + this + " was closed before "
                                            + job.chunk().describe() + " started")
                                    : new PoolException(
                                            "Cannot run " + job.chunk().describe() + ": " + reason));
        }
    }

    private static String notSerializable(Throwable e) {
        return e instanceof NotSerializableException
                ? "class " + e.getMessage() + " is not Serializable"
                : e instanceof InvalidClassException ? e.getMessage() : e.toString();
    }
}
