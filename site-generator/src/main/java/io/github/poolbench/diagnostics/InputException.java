package io.github.poolbench.diagnostics;

import java.util.List;

/**
 * Input that cannot be used: the build stops and the previous site stays. Carries every error
 * found so far, so a user fixes them in one pass rather than one run per mistake.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> errors;

    public InputException(Location location, String message) {
        this(List.of(new Diagnostic(Diagnostic.Severity.ERROR, location, message)), null);
    }

    public InputException(Location location, String message, Throwable cause) {
        this(List.of(new Diagnostic(Diagnostic.Severity.ERROR, location, message)), cause);
    }

    public InputException(List<Diagnostic> errors) {
        this(errors, null);
    }

    private InputException(List<Diagnostic> errors, Throwable cause) {
        super(errors.isEmpty() ? "input error" : errors.getFirst().toString(), cause);
        this.errors = List.copyOf(errors);
    }

    /** Every error, in the order found; never empty. */
    public List<Diagnostic> errors() {
        return errors;
    }
}
