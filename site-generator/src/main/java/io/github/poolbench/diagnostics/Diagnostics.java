package io.github.poolbench.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one build. Thread-safe, since pages and charts are built in parallel.
 * In strict mode a warning counts as an error: GTN lessons with slips still build by default, and
 * CI can insist on clean input.
 */
public final class Diagnostics {

    private final boolean strict;
    private final List<Diagnostic> all = new ArrayList<>();

    public Diagnostics(boolean strict) {
        this.strict = strict;
    }

    public boolean strict() {
        return strict;
    }

    /** Input that is irregular but still renderable. */
    public void warn(Location location, String message) {
        add(new Diagnostic(strict ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING, location, message));
    }

    /** Input that cannot be rendered; the build goes on to find more, then fails. */
    public void error(Location location, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, location, message));
    }

    public synchronized void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public synchronized List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public synchronized List<Diagnostic> errors() {
        return all.stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .toList();
    }

    public synchronized List<Diagnostic> warnings() {
        return all.stream()
                .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .toList();
    }

    /** Throws every error collected so far, if there is one. */
    public void throwIfErrors() {
        List<Diagnostic> errors = errors();
        if (!errors.isEmpty()) {
            throw new InputException(errors);
        }
    }
}
