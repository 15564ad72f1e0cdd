/**
 * Turns models into files: FreeMarker templates ({@code .ftlh}, auto-escaped) for pages, and a
 * staging folder that replaces the published site only when the whole build succeeded, and only
 * when the output folder is one a build may replace ({@link io.github.poolbench.render.OutputFolder}).
 */
package io.github.poolbench.render;
