/**
 * Problems found in the inputs, each tied to a {@code file:line:column}. Warnings are collected and
 * reported together; {@link io.github.poolbench.diagnostics.InputException} stops a build with one
 * clear line.
 */
package io.github.poolbench.diagnostics;
