package io.github.poolbench.cli;

import io.github.poolbench.format.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How to measure: the options of every command that runs the suite ({@code bench}, {@code report}). */
final class BenchOptions {

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            defaultValue = "quick",
            description = "smoke (seconds), quick (minutes, default) or full (publication quality).",
            converter = ProfileConverter.class)
    Profile profile;

    @Option(names = "--verbose", description = "Also show JMH's own output (always kept in the run folder's jmh.log).")
    boolean verbose;

    /** Lets {@code --profile} say which names exist when it is given a wrong one. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
