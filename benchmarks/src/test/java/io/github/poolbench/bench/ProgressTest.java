package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {

  @ParameterizedTest(name = "{0} s -> {1}")
  @CsvSource({"0, 0:00", "59, 0:59", "61, 1:01", "3599, 59:59", "3661, 1:01:01"})
  void clockReadsLikeAStopwatch(long seconds, String expected) {
    assertEquals(expected, Progress.clock(Duration.ofSeconds(seconds)));
  }

  @Test
  void announcesNOfMWithParamsAndNoEstimateBeforeTheFirstFinishes() {
    Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()), 40);
    TreeMap<String, String> params = new TreeMap<>();
    params.put("poolSize", "4");
    params.put("pool", "THREAD");
    String line = progress.announce("io.github.poolbench.bench.SleepBenchmark.map", params);
    assertTrue(line.startsWith("[1/40] SleepBenchmark.map pool=THREAD poolSize=4 | "), line);
    assertTrue(line.endsWith("estimating time left"), line);
    assertTrue(progress.announce("io.github.poolbench.bench.SleepBenchmark.map", params).startsWith("[2/40]"));
  }
}
