package io.github.poolbench.history;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the steps of one series: E-divisive means (Matteson and James, "A Nonparametric Approach
 * for Multiple Change Point Analysis of Multivariate Data", 2014) as Apache Otava, formerly Hunter,
 * applies it to benchmark histories (Fleming et al., "Hunter: Using Change Point Detection to Hunt
 * for Performance Regressions", ICPE 2023), with the site's one verdict as the significance test.
 *
 * <ol>
 *   <li><b>Split.</b> In each segment, the candidate is the split τ (and end κ) that maximises the
 *       energy statistic Q̂ between the scores before τ and those from τ to κ. The best candidate of
 *       all segments is kept when the 99.9 % Fieller interval of the ratio of those two sides' means
 *       ({@link Ratio#speedup}) excludes 1; the search then goes on in the halves, and ends at the
 *       first candidate that fails. Otava tests the same split with Student's t; Fieller's interval
 *       is that test on the ratio, so a step is judged by the rule every other comparison here uses.
 *   <li><b>Merge.</b> Each step is judged again against its neighbours' segments (a later split
 *       shortens them); while one fails, the weakest (the ratio nearest 1) is dropped.
 *   <li><b>Minimum segment.</b> No segment is shorter than {@code minSegment} runs: one slow
 *       runner, or two, is never a step. A step in the newest runs, with fewer after it, is only
 *       <em>pending</em>: reported as such when its interval already excludes 1, confirmed once its
 *       segment is long enough.
 * </ol>
 *
 * <p>Nothing here is random (no permutation test): the same scores always give the same steps.
 */
public final class ChangePoints {

    /** The fewest runs on each side of a confirmed step. */
    public static final int MIN_SEGMENT = 5;

    private ChangePoints() {}

    /**
     * A step between two segments of a series.
     *
     * @param at      the index of the first score after the step
     * @param before  the scores of the segment before it, as a sample (mean, variance, count)
     * @param after   those of the segment after it
     * @param speedup the after side against the before side, better above 1, with the verdict
     * @param pending true when the segment after it is still shorter than the minimum
     */
    public record Step(int at, Sample before, Sample after, Ratio speedup, boolean pending) {}

    /**
     * The confirmed steps of {@code scores} (oldest first), then a pending one in the newest runs
     * if there is one.
     */
    public static List<Step> find(double[] scores, boolean higherIsBetter, int minSegment) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("a segment needs two runs for a variance, not " + minSegment);
        }
        Energy energy = new Energy(scores);
        List<Integer> cuts = new ArrayList<>(); // sorted; a segment runs from one cut (or 0) to the next (or n)
        while (true) {
            Candidate best = null;
            for (int i = 0; i <= cuts.size(); i++) {
                int start = i == 0 ? 0 : cuts.get(i - 1);
                int end = i == cuts.size() ? scores.length : cuts.get(i);
                Candidate candidate = energy.best(start, end, minSegment);
                if (candidate != null && (best == null || candidate.q() > best.q())) {
                    best = candidate;
                }
            }
            // Judged on the two sides the statistic compared; the merge then judges it on whole segments.
            if (best == null
                    || !significant(step(scores, best.start(), best.at(), best.kappa(), higherIsBetter, false))) {
                break;
            }
            cuts.add(best.at());
            cuts.sort(null);
        }
        List<Step> steps = merge(scores, cuts, higherIsBetter);
        int last = cuts.isEmpty() ? 0 : cuts.getLast();
        pending(scores, energy, last, higherIsBetter, minSegment).ifPresent(steps::add);
        return steps;
    }

    /** Judges every cut against its neighbours, dropping the weakest failure until none fails. */
    private static List<Step> merge(double[] scores, List<Integer> cuts, boolean higherIsBetter) {
        while (true) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < cuts.size(); i++) {
                int start = i == 0 ? 0 : cuts.get(i - 1);
                int end = i == cuts.size() - 1 ? scores.length : cuts.get(i + 1);
                steps.add(step(scores, start, cuts.get(i), end, higherIsBetter, false));
            }
            Step weakest = null;
            for (Step step : steps) {
                if (!significant(step) && (weakest == null || strength(step) < strength(weakest))) {
                    weakest = step;
                }
            }
            if (weakest == null) {
                return steps;
            }
            cuts.remove(Integer.valueOf(weakest.at()));
        }
    }

    /**
     * A step among the newest {@code minSegment − 1} runs: the split of the last segment, with at
     * least the minimum before it and two runs (a variance) after it, that maximises Q̂; kept when
     * its interval already excludes 1.
     */
    private static Optional<Step> pending(
            double[] scores, Energy energy, int start, boolean higherIsBetter, int minSegment) {
        int n = scores.length;
        Candidate best = null;
        for (int at = Math.max(start + minSegment, n - minSegment + 1); at <= n - 2; at++) {
            double q = energy.q(start, at, n);
            if (best == null || q > best.q()) {
                best = new Candidate(start, at, n, n, q);
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Step step = step(scores, start, best.at(), n, higherIsBetter, true);
        return significant(step) ? Optional.of(step) : Optional.empty();
    }

    private static boolean significant(Step step) {
        Ratio.Verdict verdict = step.speedup().verdict();
        return verdict == Ratio.Verdict.FASTER || verdict == Ratio.Verdict.SLOWER;
    }

    /** How far the step's ratio is from 1, on a log scale: the merge drops the smallest first. */
    private static double strength(Step step) {
        double ratio = step.speedup().interval().ratio();
        return Double.isFinite(ratio) && ratio > 0 ? Math.abs(Math.log(ratio)) : 0;
    }

    private static Step step(double[] scores, int start, int at, int end, boolean higherIsBetter, boolean pending) {
        Sample before = sample(scores, start, at);
        Sample after = sample(scores, at, end);
        return new Step(at, before, after, Ratio.speedup(after, before, higherIsBetter), pending);
    }

    /** The scores of {@code [from, to)} as a sample: each run's score is one observation. */
    static Sample sample(double[] scores, int from, int to) {
        List<Double> values = Arrays.stream(scores, from, to).boxed().toList();
        return Sample.of(List.of(values));
    }

    /** A split of {@code [start, end)} at {@code at}, found over {@code [start, kappa)}. */
    private record Candidate(int start, int at, int end, int kappa, double q) {}

    /**
     * The energy statistic with distances |x − y| (Matteson and James' α = 1), from running sums
     * so that all splits of a segment cost O(n²).
     */
    private static final class Energy {

        /** {@code column[j][k]}: the sum of |x_i − x_k| over i &lt; j. */
        private final double[][] column;

        Energy(double[] x) {
            int n = x.length;
            column = new double[n + 1][n];
            for (int j = 1; j <= n; j++) {
                for (int k = 0; k < n; k++) {
                    column[j][k] = column[j - 1][k] + Math.abs(x[j - 1] - x[k]);
                }
            }
        }

        /** Σ |x_i − x_k| for i in [from, to). */
        private double to(int from, int to, int k) {
            return column[to][k] - column[from][k];
        }

        /** Within-sum Σ_{i<k} |x_i − x_k| over [from, to). */
        private double within(int from, int to) {
            double sum = 0;
            for (int k = from + 1; k < to; k++) {
                sum += to(from, k, k);
            }
            return sum;
        }

        /** Q̂ of X = [start, at) against Y = [at, end). */
        double q(int start, int at, int end) {
            double between = 0;
            for (int k = at; k < end; k++) {
                between += to(start, at, k);
            }
            return q(at - start, end - at, between, within(start, at), within(at, end));
        }

        private static double q(int n, int m, double between, double withinX, double withinY) {
            return 2.0 / (m + n) * between
                    - 2.0 * m / ((m + n) * (n - 1.0)) * withinX
                    - 2.0 * n / ((m + n) * (m - 1.0)) * withinY;
        }

        /**
         * The split τ of {@code [start, end)} and end κ maximising Q̂(X = [start, τ), Y = [τ, κ)),
         * both sides at least {@code min} long; {@code null} when the segment is too short to split.
         */
        Candidate best(int start, int end, int min) {
            Candidate best = null;
            for (int at = start + min; at + min <= end; at++) {
                double withinX = within(start, at);
                double between = 0;
                double withinY = 0;
                for (int k = at; k < end; k++) {
                    between += to(start, at, k);
                    withinY += to(at, k, k);
                    if (k + 1 - at >= min) {
                        double q = q(at - start, k + 1 - at, between, withinX, withinY);
                        if (best == null || q > best.q()) {
                            best = new Candidate(start, at, end, k + 1, q);
                        }
                    }
                }
            }
            return best;
        }
    }
}
