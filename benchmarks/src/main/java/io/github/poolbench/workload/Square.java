package io.github.poolbench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** The lesson's first example, {@code f(x) = x * x}: a task far cheaper than handing it to a pool. */
public final class Square {

    private Square() {}

    /** Returns {@code x * x}; boxed so that a method reference fits a generic pool task. */
    public static Long square(Long x) {
        return x * x;
    }

    /** Every input squared in turn on the calling thread: the benchmarks' sequential baseline. */
    public static List<Long> squareAll(List<Long> inputs) {
        List<Long> squares = new ArrayList<>(inputs.size());
        for (Long x : inputs) {
            squares.add(square(x));
        }
        return squares;
    }

    /** The inputs {@code 0, 1, ..., tasks - 1}, like the lesson's {@code range(10)}. */
    public static List<Long> inputs(int tasks) {
        return LongStream.range(0, tasks).boxed().toList();
    }
}
