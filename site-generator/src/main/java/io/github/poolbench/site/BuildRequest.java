package io.github.poolbench.site;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything one site build reads and writes.
 *
 * @param machine the machine whose results the lessons quote; empty means the newest run's machine
 * @param strict  treat warnings (irregular but renderable input) as errors
 */
public record BuildRequest(Path content, Path templates, Path results, Path out, Optional<String> machine,
                           boolean strict) {}
