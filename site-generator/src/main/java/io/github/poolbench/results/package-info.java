/**
 * JMH results as the site sees them: any valid JMH JSON file (every mode, {@code "NaN"} errors,
 * params, raw data, histograms and secondary metrics), grouped into runs per machine with the
 * run's {@link io.github.poolbench.results.MachineInfo machine description}. A
 * {@link io.github.poolbench.results.Selection} picks results by benchmark, mode and params, with
 * errors that list what exists; {@link io.github.poolbench.results.Quality} says where the data
 * is too weak to lean on. {@link io.github.poolbench.results.Ratio} is the one rule for saying one
 * result beats another: the 99.9 % Fieller interval of the speed-up
 * ({@link io.github.poolbench.results.RatioInterval}) must exclude 1.
 */
package io.github.poolbench.results;
