/**
 * Turns models into files: FreeMarker templates ({@code .ftlh}, auto-escaped) for pages, and a
 * staging folder that replaces the published site only when the whole build succeeded.
 */
package io.github.poolbench.render;
