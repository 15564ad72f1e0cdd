package io.github.poolbench.diagnostics;

/** One problem with an input, printed as {@code file:line: severity: message}. */
public record Diagnostic(Severity severity, Location location, String message) {

    public enum Severity {
        WARNING,
        ERROR;

        String label() {
            return this == WARNING ? "warning" : "error";
        }
    }

    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message;
    }
}
