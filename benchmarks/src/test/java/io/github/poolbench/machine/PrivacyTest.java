package io.github.poolbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivacyTest {

    private final Privacy privacy =
            new Privacy("/home/alice", Set.of("vm", "box.example.org", "box"), Set.of("alice", "root"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-Dx=/home/alice/jdk | -Dx=~/jdk",
                "built on vm today | built on <host> today",
                "OpenJDK 64-Bit Server VM | OpenJDK 64-Bit Server VM",
                "jvmFlags kvm | jvmFlags kvm",
                "box.example.org | <host>",
                "box:8080 | <host>:8080",
                "sandbox | sandbox",
                "/root/.m2 | /<user>/.m2",
                "chroot | chroot",
                "alice@box | <user>@<host>"
            })
    void scrubsWholeTokensOnly(String in, String out) {
        assertEquals(out, privacy.scrub(in));
        assertFalse(privacy.leaks(privacy.scrub(in)));
    }

    @ParameterizedTest
    @CsvSource({"ssh vm", "user alice", "/root"})
    void leaksSeesTokens(String text) {
        assertTrue(privacy.leaks(text));
    }
}
