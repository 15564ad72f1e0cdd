package io.github.poolbench.site;

import io.github.poolbench.format.RunRecord;
import io.github.poolbench.results.Quality;
import io.github.poolbench.results.ResultRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a run is fit to publish, from the {@link RunRecord} the suite writes beside its JMH file:
 * a {@code quick} or {@code smoke} profile is a first look, and so is a run on a busy machine. A
 * run without that record (another project's file, a contribution) is judged by its data alone,
 * by {@link Quality#weak}.
 *
 * @param reasons why the run is not of publication grade, in words; empty when it is
 */
record RunGrade(ResultRun run, List<String> reasons) {

    RunGrade {
        reasons = List.copyOf(reasons);
    }

    boolean publicationGrade() {
        return reasons.isEmpty();
    }

    /** For each run that is not of publication grade, a phrase naming it and why, e.g. {@code lab/run, a quick run (…)}. */
    static List<String> weak(Collection<ResultRun> runs) {
        return runs.stream()
                .map(RunGrade::of)
                .filter(grade -> !grade.publicationGrade())
                .map(grade -> ResultWeaver.source(grade.run()) + ", " + String.join(", ", grade.reasons()))
                .toList();
    }

    static RunGrade of(ResultRun run) {
        List<String> reasons = new ArrayList<>();
        String profile = run.record()
                .map(RunRecord::profile)
                .map(p -> p.toLowerCase(Locale.ROOT))
                .orElse("");
        if (!profile.isEmpty() && !profile.equals("full")) {
            reasons.add("a " + profile + " run (" + Quality.shape(run.results()) + ")");
        } else if (profile.isEmpty() && run.results().stream().anyMatch(Quality::weak)) {
            reasons.add("a run of " + Quality.shape(run.results()));
        }
        Optional<RunRecord.Load> load = run.record().map(RunRecord::load).filter(RunRecord.Load::wasBusy);
        load.ifPresent(busy -> {
            String readings = RunContext.load(busy);
            reasons.add("made while the machine was busy" + (readings.isEmpty() ? "" : ": 1-minute load " + readings));
        });
        return new RunGrade(run, reasons);
    }
}
