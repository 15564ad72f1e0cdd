package io.github.poolbench.pool;

/** Tasks the tests hand to pools by method reference, so that worker JVMs can run them too. */
final class Tasks {

    private Tasks() {
    }

    static int square(int x) {
        return x * x;
    }

    static int failOnThree(int x) {
        if (x == 3) {
            throw new IllegalStateException("three is unlucky");
        }
        return x;
    }

    static int sleepMillis(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }
}
