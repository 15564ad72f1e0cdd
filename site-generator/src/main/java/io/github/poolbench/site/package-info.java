/**
 * The build pipeline, and the facade the CLI calls: crawl the content and results, parse them into
 * models, draw charts and render pages into a staging folder, copy assets, then publish. Errors are
 * collected along the way and reported together.
 */
package io.github.poolbench.site;
