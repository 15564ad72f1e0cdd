package io.github.poolbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrimesTest {

    // Known values of the prime-counting function pi(n - 1), i.e. primes strictly below n.
    @ParameterizedTest(name = "primes below {0} = {1}")
    @CsvSource({"0, 0", "2, 0", "3, 1", "10, 4", "100, 25", "1000, 168", "10000, 1229", "100000, 9592", "1000000, 78498"
    })
    void countsKnownValues(int bound, int expected) {
        assertEquals(expected, Primes.countBelow(bound));
    }

    @Test
    void benchmarkBoundHasTheDocumentedAnswer() {
        assertEquals(Primes.PRIMES_BELOW_BOUND, Primes.countBelow(Primes.BOUND));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 7, 97, 7919, 999_983})
    void primesArePrime(int p) {
        assertTrue(Primes.isPrime(p));
    }

    @ParameterizedTest
    @ValueSource(ints = {-7, 0, 1, 4, 9, 25, 7917, 999_981})
    void othersAreNot(int n) {
        assertFalse(Primes.isPrime(n));
    }

    @Test
    void inputsAreEqualShares() {
        assertEquals(java.util.List.of(50, 50, 50), Primes.inputs(3, 50));
    }
}
