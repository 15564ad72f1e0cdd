package io.github.poolbench.history;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture histories of real runs ({@code fixtures/history-real}, see its README): smoke runs of
 * this machine recorded in a row with {@code poolbench record}. {@code unchanged}: 20 runs of one
 * build; {@code stretched}: the 10 runs after them, every nap 10 % longer
 * ({@code -Dpoolbench.test.napStretch=1.10}); {@code other-hardware}: those same 10 runs recorded
 * with a {@code machine.json} naming another CPU signature and model.
 */
final class RealHistory {

    static final String MACHINE = "github-linux-x64";

    private RealHistory() {}

    /** The runs of one fixture set, oldest first. */
    static List<RunSummary> runs(String set) {
        Diagnostics diagnostics = new Diagnostics(true);
        List<MachineHistory> machines =
                HistoryStore.load(Fixtures.fixture("history-real/" + set), Integer.MAX_VALUE, diagnostics);
        if (machines.size() != 1 || !diagnostics.all().isEmpty()) {
            throw new IllegalStateException("fixture set " + set + ": " + machines + " " + diagnostics.all());
        }
        return machines.getFirst().runs();
    }

    /** One machine's history made of these runs, in this order. */
    static MachineHistory of(List<RunSummary> runs) {
        return new MachineHistory(MACHINE, runs.size(), runs);
    }

    /** The runs of several sets one after another. */
    static List<RunSummary> concat(String... sets) {
        List<RunSummary> all = new ArrayList<>();
        for (String set : sets) {
            all.addAll(runs(set));
        }
        return all;
    }
}
