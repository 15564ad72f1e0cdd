/**
 * What the suite writes and the site reads, as types both link to: {@link
 * io.github.poolbench.format.RunRecord} is {@code run.json}, {@link
 * io.github.poolbench.format.MachineDescription} is {@code machine.json}, and {@link
 * io.github.poolbench.format.Profile} names the profiles and what each plan measures ({@link
 * io.github.poolbench.format.Planned}, from the suite through {@link
 * io.github.poolbench.format.PlanSource}). {@link io.github.poolbench.format.ResultsJson} reads the
 * records back as the types that wrote them; the folder they lie in is {@link
 * io.github.poolbench.layout.ResultsLayout}'s.
 */
package io.github.poolbench.format;
