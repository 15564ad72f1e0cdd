/**
 * The {@code poolbench} command line: {@code report} (bench, then build), {@code bench},
 * {@code build} and {@code serve}. Exit codes: 0 success, 1 bad input, 2 usage error.
 */
package io.github.poolbench.cli;
