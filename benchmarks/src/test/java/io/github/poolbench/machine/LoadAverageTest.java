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

  @ParameterizedTest(name = "load {0} on {1} cores busy: {2}")
  @CsvSource({"0.9, 2, false", "1.0, 2, false", "1.01, 2, true", "3.5, 8, false", "4.2, 8, true"})
  void busyAboveHalfTheCores(double load, int cores, boolean busy) {
    assertEquals(busy, LoadAverage.isBusy(load, cores));
  }

  @Test
  void thisMachineHasALoadOnLinux() {
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertTrue(LoadAverage.oneMinute().orElseThrow() >= 0);
    }
  }
}
