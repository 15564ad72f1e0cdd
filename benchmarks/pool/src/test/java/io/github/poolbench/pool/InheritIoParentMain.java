package io.github.poolbench.pool;

import java.time.Duration;
import java.util.List;

/**
 * A parent for {@link ProcessPoolTest}: a task whose child process prints digits on the worker's stdout
 * (which once decoded as a frame length of gigabytes), then the next map on the same pool.
 */
final class InheritIoParentMain {

    private InheritIoParentMain() {}

    public static void main(String[] args) {
        try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 1)) {
            List<Integer> first = pool.map(Tasks::echoThroughInheritedIo, List.of(1), Duration.ofSeconds(30));
            System.out.println("first " + first);
            System.out.println("then " + pool.map(Tasks::square, List.of(2, 3), Duration.ofSeconds(30)));
        }
    }
}
