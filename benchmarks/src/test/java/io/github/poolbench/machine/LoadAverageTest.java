package io.github.poolbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadAverageTest {

    @Test
    void parsesTheFirstFieldOfProcLoadavg() {
        assertEquals(OptionalDouble.of(0.11), LoadAverage.parseProcLoadavg("0.11 0.08 0.02 2/82 3836\n"));
        assertEquals(OptionalDouble.empty(), LoadAverage.parseProcLoadavg(" "));
    }

    @Test
    void takesTheLaunchersReadingWhenItIsANumber() {
        assertEquals(OptionalDouble.of(0.41), LoadAverage.parseReading(" 0.41\n"));
        assertEquals(OptionalDouble.of(0.0), LoadAverage.parseReading("0"));
    }

    @ParameterizedTest(name = "launcher reading \"{0}\" is ignored")
    @CsvSource(
            value = {"''", "'  '", "abc", "-0.2", "NaN", "Infinity"},
            nullValues = "null")
    void ignoresALaunchersReadingThatIsNoLoad(String text) {
        assertEquals(OptionalDouble.empty(), LoadAverage.parseReading(text));
    }

    @Test
    void ignoresAMissingLaunchersReading() {
        assertEquals(OptionalDouble.empty(), LoadAverage.parseReading(null));
    }

    @ParameterizedTest(name = "load {0} busy: {1}")
    @CsvSource({"0.0, false", "0.5, false", "0.51, true", "1.0, true"})
    void busyAboveHalfACore(double load, boolean busy) {
        assertEquals(busy, LoadAverage.isBusy(load));
    }

    @Test
    void thisMachineHasALoadOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(LoadAverage.oneMinute().orElseThrow() >= 0);
        }
    }
}
