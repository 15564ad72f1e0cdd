/**
 * Three ways to run tasks in parallel behind one API, so that the lesson can compare them fairly.
 *
 * <ul>
 *   <li>{@link io.github.poolbench.pool.WorkerPool#open WorkerPool.open(kind, size)} opens a pool of a
 *       {@link io.github.poolbench.pool.PoolKind}: {@code PROCESS} worker JVMs, {@code THREAD} platform
 *       threads, or {@code VIRTUAL} threads capped at {@code size} by a semaphore (0, or
 *       {@link io.github.poolbench.pool.WorkerPool#unboundedVirtual()}, for no cap).</li>
 *   <li>{@code map} (ordered results, optional chunk size), {@code submit} (a {@code CompletableFuture})
 *       and {@code asCompleted} (outcomes as they finish) mirror Python's {@code Pool.map},
 *       {@code Executor.submit} and {@code as_completed}. Every blocking call has a timeout.</li>
 *   <li>A {@link io.github.poolbench.pool.Task} is serializable, so the same lambda runs on every kind.</li>
 *   <li>Errors are {@link io.github.poolbench.pool.PoolException}s naming the input; a failed task or a
 *       dead worker process fails that input only, and the pool carries on.</li>
 * </ul>
 *
 * <h2>How the process pool works</h2>
 *
 * <p>Each worker is {@code java -cp <the parent's class path> WorkerMain} (or {@code -m} with the parent's
 * module path when the pool is a named module), started with the parent's own {@code java.home}, no shell
 * and no network. Parent and worker talk over a channel of their own ({@code Channel}): a Unix-domain
 * socket in a folder only this user may enter, deleted once the worker has connected, carrying
 * length-prefixed binary frames ({@code Protocol}) that are checked (magic, type, length) before
 * anything is allocated. A worker opens with a magic number and answers a handshake; the pool is ready
 * when every worker has. Jobs wait in one queue and go to whichever worker is free; a busy worker may hold
 * one job more so that it never waits for a round trip, and a worker that runs dry takes such a job back
 * from a busy one ({@code RECALL}), so a queued task never waits behind a long one while a worker idles.
 * Frames are written by a thread per worker, so no caller ever waits on a worker that stopped reading.
 *
 * <p>Plain values (boxed primitives, strings, null, records of them) cross in a compact encoding
 * ({@code ValueCodec}); other values, tasks and failures use Java serialization, read on both sides only
 * through an {@link java.io.ObjectInputFilter} allow-list ({@code AllowList}). What a task prints on
 * {@code System.out} or {@code System.err} travels as frames and is printed by the parent on its
 * {@code System.out} or {@code System.err} of that moment, before the task's result. What reaches the
 * worker's file descriptors 1 and 2 otherwise (native code, a child process started with
 * {@code inheritIO()}) is copied to the same streams as plain output, in its own time.
 *
 * <p>One of a worker's two threads always reads the channel while the other runs a task (the reader that
 * meets a task while none runs runs it itself and hands the channel over). So the end of the channel is
 * seen at once, busy or not, and ends the worker and the processes its tasks started: that is how
 * {@code close()} ends it (after the running tasks, within the grace period; a worker that still lives a
 * second later is killed), and how a worker whose parent was killed follows it. When a worker dies, its
 * reader thread sees the channel end, fails the one job it ran with its exit status, requeues the rest,
 * and starts a replacement.
 *
 * <h2>Limits and failures</h2>
 *
 * <ul>
 *   <li>A pool never has more workers than the machine holds: {@code open} fails at once past the cap, the
 *       available memory (Linux's {@code MemAvailable}) over 64 MB a worker, or 256 where that cannot be
 *       read ({@code PoolOptions.withWorkerProcessCap} sets another). Past its start timeout, {@code open}
 *       stops launching, ends every worker it started, and fails.</li>
 *   <li>From its handshake on, a worker sends a heartbeat each second (or four times within the heartbeat
 *       timeout, if that is shorter than four seconds). One that sends nothing at all for
 *       {@code PoolOptions.heartbeatTimeout()} (10 s by default) while the parent waits for it is taken
 *       for frozen (stopped, swapped out, stuck in the JVM) and killed; the job it ran fails with a
 *       {@link io.github.poolbench.pool.WorkerDiedException} of reason {@code STOPPED_ANSWERING}, and the
 *       job sent ahead to it goes to another worker. A check that itself runs far too late (this JVM was
 *       stalled) kills no one.</li>
 *   <li>A {@link io.github.poolbench.pool.WorkerDiedException} says how the worker ended: its exit status,
 *       a signal by name (128 + its number on Linux and macOS: SIGKILL from outside, often the kernel's
 *       OOM killer), Java's {@code OutOfMemoryError} (workers run with {@code -XX:+ExitOnOutOfMemoryError},
 *       which exits with status 3 after printing the error on stderr), and its last lines on stderr.</li>
 *   <li>The processes a worker's tasks start end with it. A worker ended by the pool ends them itself; when
 *       a worker ends otherwise (killed from outside, say), its children were left to init, out of reach
 *       of {@link java.lang.ProcessHandle#descendants()}. Every worker therefore carries a mark of its own in
 *       its environment ({@code POOLBENCH_WORKER_TREE}), which what it starts inherits, and on Linux the
 *       pool kills every process whose {@code /proc/<pid>/environ} holds it. macOS and Windows have no
 *       such view of other processes' environments: there the pool reaches only the processes still below
 *       a live worker, and a child orphaned by an outside kill lives on (as does, anywhere, a child that
 *       clears its environment).</li>
 * </ul>
 *
 * <h2>Trust</h2>
 *
 * <p>A worker trusts its parent: it runs whatever task the parent sends, as the parent's own code with
 * the parent's class path. The parent does not trust a worker's output: a worker may run a buggy or
 * hostile task, so what it sends back is read with the same care as input from outside.
 *
 * <ul>
 *   <li>Frames are checked before anything is allocated (magic, type, a length cap); a worker whose
 *       frames make no sense is killed, failing its job with a {@link io.github.poolbench.pool.WorkerDiedException}.</li>
 *   <li>Replies are decoded by a compact decoder for plain values, or by Java serialization through an
 *       {@link java.io.ObjectInputFilter} that admits only allowed classes and bounds the graph: at most
 *       500 levels deep, 50 million references, and no array longer than the bytes that carry it.
 *       Allowed are JDK value types and collections, this project's classes, the classes a task sent
 *       through the pool is of or was written in, and what {@code PoolOptions.withAllowedClasses} names.</li>
 *   <li>Failures come back as plain data ({@code RemoteFailure}): the remote exception's class is never
 *       loaded in the parent.</li>
 *   <li>The channel is a socket in a folder only this user may enter, deleted once the worker has
 *       connected, and the worker must echo a random nonce: other users cannot talk to a worker, nor
 *       stand in for one. (Processes of the same user are trusted as the user is.)</li>
 *   <li>A task sent by name is called only if the class that wrote it vouches for it: its class file
 *       names the method among the targets of its serializable lambdas and method references, so a
 *       forged frame cannot have a worker call just any static method.</li>
 * </ul>
 *
 * <p>Worker JVMs start with trimmed flags (serial GC, no perf data file, JVM output kept off stdout) and,
 * with {@code -Dpoolbench.startupCache=true}, from the second pool on, an AOT cache (JEP 483, 514, 515;
 * {@code StartupCache}; off by default, since a short program pays for its training and never uses it): a fresh worker loads
 * about 150 classes the JDK's own CDS archive lacks (121 of the JDK's, 20 of the pool's) before its first
 * result, and with the cache it parses none of them. The first pool that finds no cache starts plainly and
 * has one worker trained in the background; any failure leaves a plain start. A pool may keep spare
 * workers started ahead ({@code PoolOptions.spareWorkers}), so that a dead or recycled worker's place is
 * taken at once, and may warm its workers before {@code open} returns ({@code PoolOptions.warmUp}).
 */
package io.github.poolbench.pool;
