/**
 * Lessons: Markdown in the Galaxy Training Network (GTN) tutorial dialect, read from the content
 * folder into {@link io.github.poolbench.lesson.Lesson} models with their HTML body and the result
 * blocks (charts, tables, measured values) left for the site build to resolve.
 *
 * <p>{@link io.github.poolbench.lesson.LessonLoader} is the facade. Per lesson it reads the typed
 * {@link io.github.poolbench.lesson.FrontMatter}, then runs three passes over numbered lines:
 * {@code Liquid} (tags, {@code {ABBR}} abbreviations, result fences), {@code Boxes} (GTN's
 * {@code > <type-title>} … {@code {: .type}} boxes, attribute lines, the {@code {:toc}} agenda) and
 * {@code Markdown} (flexmark, with figures, unique ids and build-time
 * {@link io.github.poolbench.lesson.Highlighter highlighting}). HTML made before Markdown runs waits
 * in a {@code Stash} behind private-use-character tokens, so Markdown never sees it.
 *
 * <p>Input GTN tolerates but that is irregular (an unclosed or unknown box, an undefined
 * abbreviation, a Liquid tag or snippet this site cannot resolve, a missing image) renders and is
 * reported through {@link io.github.poolbench.diagnostics.Diagnostics#warn}, naming
 * {@code file:line}; input that cannot be read throws
 * {@link io.github.poolbench.diagnostics.InputException}.
 */
package io.github.poolbench.lesson;
