package io.github.poolbench.pool;

import java.util.stream.Collectors;

/**
 * A parent JVM for {@link OrphanedWorkersTest}: opens a pool of two workers, keeps one busy, prints
 * {@code workers <pid> <pid>} and waits to be killed (ten minutes at most, so it never lingers).
 */
public final class OrphanParentMain {

    private OrphanParentMain() {}

    public static void main(String[] args) throws Exception {
        ProcessWorkerPool pool = (ProcessWorkerPool) WorkerPool.open(PoolKind.PROCESS, 2);
        pool.submit(Tasks::sleepMillis, 600_000); // a worker mid-task must notice too
        Thread.sleep(200); // let the task reach its worker
        System.out.println("workers "
                + pool.workerHandles().stream()
                        .map(handle -> Long.toString(handle.pid()))
                        .collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(600_000);
        pool.close();
    }
}
