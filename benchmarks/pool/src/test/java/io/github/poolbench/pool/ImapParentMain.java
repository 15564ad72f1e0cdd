package io.github.poolbench.pool;

import java.util.Iterator;

/**
 * A parent for {@link LazyMapTest}, run with {@code -Xmx64m}: 200,000 inputs of 1 KB each (200 MB in
 * all) produced lazily and mapped on a PROCESS pool with imap.
 */
final class ImapParentMain {

    private static final int COUNT = 200_000;

    private ImapParentMain() {}

    public static void main(String[] args) {
        Iterable<String> inputs = () -> new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < COUNT;
            }

            @Override
            public String next() {
                made++;
                return Character.toString('a' + made % 26).repeat(1024);
            }
        };
        try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 2)) {
            long[] seen = new long[2];
            pool.imap(Tasks::length, inputs, 100).forEach(length -> {
                seen[0]++;
                seen[1] += length;
            });
            System.out.println(seen[0] + " results, " + seen[1] + " characters");
        }
    }
}
