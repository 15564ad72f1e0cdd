/**
 * The build pipeline, and the facade the CLI calls: crawl the content and results, parse them into
 * models, draw charts and render pages into a staging folder, copy assets, then publish. Errors are
 * collected along the way and reported together. {@link io.github.poolbench.site.ResultWeaver} weaves
 * measured results into lessons (charts, tables, inline values) and
 * {@link io.github.poolbench.site.ResultPages} gives every machine, the comparison across machines
 * and the methodology pages of their own. {@link io.github.poolbench.site.Headlines} puts the findings of
 * {@code content/index.md} on the index, and {@link io.github.poolbench.site.RunContext} reads how each
 * run was measured from its {@code run.json}.
 */
package io.github.poolbench.site;
