/**
 * JMH results as the site sees them: any valid JMH JSON file (every mode, {@code "NaN"} errors,
 * params, raw data and secondary metrics), grouped into runs per machine.
 */
package io.github.poolbench.results;
