package io.github.poolbench.pool;

/** Worker JVMs behind the {@link WorkerPool} API. Not written yet: the next commit brings it. */
final class ProcessWorkerPool extends AbstractWorkerPool {

    private ProcessWorkerPool(int size, PoolOptions options) {
        super(PoolKind.PROCESS, size, options);
    }

    static ProcessWorkerPool start(int size, PoolOptions options) {
        throw new UnsupportedOperationException("PROCESS pools are not implemented yet");
    }

    @Override
    protected void dispatch(Chunk<?, ?> chunk) {
        throw new UnsupportedOperationException("PROCESS pools are not implemented yet");
    }

    @Override
    protected void shutdownWorkers() {
        // nothing started
    }
}
