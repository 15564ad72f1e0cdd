/**
 * JMH results as the site sees them: any valid JMH JSON file (every mode, {@code "NaN"} errors,
 * params, raw data, histograms and secondary metrics), grouped into runs per machine with the
 * run's {@link io.github.poolbench.results.MachineInfo machine description}. A
 * {@link io.github.poolbench.results.Selection} picks results by benchmark, mode and params, with
 * errors that list what exists; {@link io.github.poolbench.results.Quality} says where the data
 * is too weak to lean on, and when two confidence intervals cannot be told apart.
 */
package io.github.poolbench.results;
