/**
 * Lessons: Markdown in the Galaxy Training Network (GTN) tutorial dialect, read from the content
 * folder into {@link io.github.poolbench.lesson.Lesson} models with their HTML body and the
 * result blocks (charts, tables, measured values) left for the site build to resolve.
 */
package io.github.poolbench.lesson;
