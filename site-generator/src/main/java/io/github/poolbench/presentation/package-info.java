/**
 * How the site words what it measured, in one place for every page: {@link
 * io.github.poolbench.presentation.Quantities} turns a value, its error and its unit into text (µs,
 * never {@code us}; 10,000 µs and more as ms; no more digits than the error supports; thousands
 * separated), and {@link io.github.poolbench.presentation.Verdicts} gives each verdict of {@link
 * io.github.poolbench.results.Ratio} its one wording, in lesson prose, tables, the machine comparison,
 * the trend page and the methodology page alike. The rule behind a verdict stays in {@code Ratio};
 * this package only says it.
 */
package io.github.poolbench.presentation;
