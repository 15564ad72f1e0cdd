package io.github.poolbench.cli;

import io.github.poolbench.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;

/** Runs the CLI in-process as a user would, capturing what it prints and its exit code. */
record CliRunner(int exitCode, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolbenchCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** {@code poolbench build} of {@code content} and {@code results} with the real templates into {@code out}, then {@code extra}. */
    static CliRunner build(Path content, Path results, Path out, String... extra) {
        String[] base = {
            "build",
            "--content",
            content.toString(),
            "--templates",
            Fixtures.templates().toString(),
            "--results",
            results.toString(),
            "--out",
            out.toString()
        };
        return run(concat(base, extra));
    }

    /** {@code base}'s arguments followed by {@code extra}'s. */
    static String[] concat(String[] base, String... extra) {
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }
}
