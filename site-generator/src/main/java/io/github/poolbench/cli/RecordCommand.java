package io.github.poolbench.cli;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.history.HistoryStore;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import io.github.poolbench.results.ResultsLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Adds a run to the history the trend page charts; CI calls it once per published commit. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = "Summarize the newest run of a machine into the history folder, keyed by the commit it measured.")
final class RecordCommand implements Callable<Integer> {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    @Option(
            names = "--commit",
            required = true,
            paramLabel = "SHA",
            description = "The commit the run measured (e.g. $(git rev-parse HEAD)).")
    String commit;

    @Mixin
    MachineOption.Filed machine = new MachineOption.Filed();

    @Mixin
    ResultOptions results = new ResultOptions();

    @Mixin
    HistoryOption history = new HistoryOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String sha = commit.strip().toLowerCase(Locale.ROOT);
        if (!COMMIT.matcher(sha).matches()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--commit must be a hexadecimal commit hash, not '" + commit + "'");
        }
        Path root = results.results();
        Optional<String> id = machine.id();
        ResultSet set = ResultsLoader.load(root);
        Optional<ResultRun> run = id.isPresent() ? set.latest(id.get()) : set.newest();
        ResultRun newest = run.orElseThrow(() -> new InputException(
                Location.of(root),
                id.isPresent()
                        ? "no runs of machine '" + id.get() + "' ("
                                + (set.byMachine().isEmpty()
                                        ? "there are no results at all"
                                        : "machines: "
                                                + String.join(
                                                        ", ", set.byMachine().keySet()))
                                + ")"
                        : "no runs to record (run ./poolbench bench first)"));
        Path file = HistoryStore.record(history.folder(), HistoryStore.summarize(newest, sha));
        spec.commandLine().getOut().printf("Recorded %s/%s as %s%n", newest.machineId(), newest.runId(), file);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
