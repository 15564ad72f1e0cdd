/**
 * History across commits: every published run leaves a compact summary (one file per commit and
 * machine, scores and confidence intervals only), the site charts the last few runs of each
 * machine, and a change whose 99.9 % confidence interval does not overlap the previous run's is
 * flagged as a regression or an improvement.
 *
 * <p>Layout of a history folder: {@code <machine-id>/<measured-at>-<commit>.json}. File names sort
 * in measurement order, so a build reads only the newest {@link io.github.poolbench.history.Trend#WINDOW}
 * files of each machine however long the history grows.
 */
package io.github.poolbench.history;
