/**
 * Lessons: Markdown in the Galaxy Training Network (GTN) tutorial dialect, read from the content
 * folder into {@link io.github.poolbench.lesson.Lesson} models whose body is flexmark's tree
 * ({@link io.github.poolbench.lesson.LessonBody}), checked and with typed
 * {@link io.github.poolbench.lesson.ResultNode result nodes} (charts, tables, measured values,
 * comparisons) whose specs are parsed when the lesson loads. The site binds those nodes to runs;
 * the body then renders once.
 *
 * <p>{@link io.github.poolbench.lesson.LessonLoader} is the facade. Per lesson it reads the typed
 * {@link io.github.poolbench.lesson.FrontMatter}, then {@code Markdown} parses the body with
 * flexmark and two extensions of the dialect's syntax: {@code AttributeLine}, a block parser for
 * kramdown's {@code {: .class #id}} and {@code {:toc}} lines, and {@code LiquidParser}, an inline
 * parser for {@code {% tag %}}, {@code {{ output }}} and {@code {ABBR}}. The dialect's passes are
 * flexmark extensions registered with the parser, each running after the one it names and finding
 * the lesson's context in the document's data ({@code ParseContext.KEY}), in the order Jekyll works:
 * {@code LiquidExtension} ({@code raw} and {@code comment} spans, tags, result fences and tags into
 * result nodes), {@code AttributeListExtension} (attribute lists onto their blocks),
 * {@code BoxExtension} (GTN's {@code > <type-title>} … {@code {: .type}} blockquotes into
 * {@code Box} nodes) and {@code IdsExtension} (the page's ids and table of contents in reading
 * order). {@code Markdown} applies the
 * policies that warn (raw HTML, image sources, link targets) to the tree as it loads, and its node
 * renderers write the HTML, with figures and build-time
 * {@link io.github.poolbench.lesson.Highlighter highlighting}.
 *
 * <p>Input GTN tolerates but that is irregular (an unclosed or unknown box, an undefined
 * abbreviation, a Liquid tag or snippet this site cannot resolve, a missing image) renders and is
 * reported through {@link io.github.poolbench.diagnostics.Diagnostics#warn}, naming
 * {@code file:line}; a result block or tag whose spec does not parse is an error at its line; input
 * that cannot be read throws {@link io.github.poolbench.diagnostics.InputException}.
 */
package io.github.poolbench.lesson;
