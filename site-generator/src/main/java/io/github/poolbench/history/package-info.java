/**
 * History across commits: every published run leaves a compact summary (one file per commit and
 * machine, scores and confidence intervals only), and each series of a machine's recent runs is
 * judged step by step with the site's one verdict ({@link io.github.poolbench.results.Ratio.Verdict}):
 * a change is flagged as a regression or an improvement when the 99.9 % interval of its ratio to the
 * previous score excludes 1. This package is the model only: the site's trend page
 * ({@code site/TrendPage}) draws it through the {@code chart} package like every other chart.
 *
 * <p>Layout of a history folder: {@code <machine-id>/<measured-at>-<commit>.json}. File names sort
 * in measurement order, so a build reads only the newest {@link io.github.poolbench.history.Trend#WINDOW}
 * files of each machine however long the history grows.
 */
package io.github.poolbench.history;
