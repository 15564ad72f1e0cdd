package io.github.poolbench.history;

/** What a change between two consecutive runs of one series means. */
public enum Verdict {
    /** Worse, and the two 99.9 % confidence intervals do not overlap. */
    REGRESSION("regression"),
    /** Better, and the two 99.9 % confidence intervals do not overlap. */
    IMPROVEMENT("improvement"),
    /** The intervals overlap: the difference may be noise, so it is not flagged. */
    WITHIN_NOISE("within noise"),
    /** One of the runs has no error estimate (e.g. a single iteration): nothing can be said. */
    NO_ERROR_ESTIMATE("no error estimate");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The words the page shows. */
    public String label() {
        return label;
    }

    /** True for the verdicts a reader must look at. */
    public boolean flagged() {
        return this == REGRESSION || this == IMPROVEMENT;
    }
}
