/**
 * History across commits: every published run leaves a compact summary (one file per commit and
 * machine: the run's hardware signature, scores and confidence intervals only). A machine's recent
 * runs are cut into hardware segments ({@link io.github.poolbench.history.Hardware}): runs on
 * different hardware are never compared. Within one hardware, each series' steps are found over the
 * whole window by E-divisive means ({@link io.github.poolbench.history.ChangePoints}), a step
 * counting only when the 99.9 % interval of the ratio of its two segments' means excludes 1 (the
 * site's one verdict, {@link io.github.poolbench.results.Ratio.Verdict}). Changes the repository
 * expected ({@link io.github.poolbench.history.Acknowledgements}) are shown, never counted. This
 * package is the model only: the site's trend page ({@code site/TrendPage}) draws it through the
 * {@code chart} package like every other chart.
 *
 * <p>Layout of a history folder: {@code <machine-id>/<measured-at>-<commit>.json}. File names sort
 * in measurement order, so a build reads only the newest {@link io.github.poolbench.history.Trend#WINDOW}
 * files of each machine however long the history grows.
 */
package io.github.poolbench.history;
