package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;

/** A snippet that does not do what its lesson says, reported as {@code file:line: what went wrong}. */
final class SnippetFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    SnippetFailure(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    Location location() {
        return location;
    }
}
