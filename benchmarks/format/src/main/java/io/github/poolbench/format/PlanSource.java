package io.github.poolbench.format;

import java.util.List;

/**
 * What each profile measures, result by result. Only the suite can say: its benchmark classes'
 * annotations hold the params and modes a plan does not override. The suite registers one
 * implementation as a service ({@code META-INF/services}); {@link Profile#planned()} finds it, so
 * a reader of results never links to the suite's classes.
 */
public interface PlanSource {

    /** Every result {@code profile}'s plan writes, in the plan's order. */
    List<Planned> planned(Profile profile);
}
