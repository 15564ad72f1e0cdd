package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "30M        | 30 minutes",
                "1H30M      | 1 hour 30 minutes",
                "2H         | 2 hours",
                "1M         | 1 minute",
                "PT1H5M     | 1 hour 5 minutes",
                "45S        | 45 seconds",
                "1h         | 1 hour",
                "'  20M  '  | 20 minutes",
                "''         | ''",
                "half an hour | ''",
                "30         | ''",
                "H          | ''",
            })
    void gtnDurationsInWords(String duration, String words) {
        assertEquals(words, Durations.humanize(duration));
    }
}
