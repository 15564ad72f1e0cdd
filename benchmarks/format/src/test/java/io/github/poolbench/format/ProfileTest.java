package io.github.poolbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {

    @ParameterizedTest
    @CsvSource({"smoke, SMOKE", "QUICK, QUICK", "' Full ', FULL"})
    void parsesNamesAsTypedOnTheCommandLine(String name, Profile expected) {
        assertEquals(expected, Profile.parse(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "ful"})
    void rejectsUnknownNamesNamingTheChoices(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse(name));
        assertEquals("unknown profile '" + name + "' (choose smoke, quick or full)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void idRoundTrips(Profile profile) {
        assertEquals(profile, Profile.parse(profile.id()));
    }

    @Test
    void theCommandThatMeasuresAProfile() {
        assertEquals("./poolbench report --profile full", Profile.FULL.command());
        assertEquals("./poolbench report --profile custom", Profile.commandFor("custom"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full; rm -rf /", "Full", "", "quick2"})
    void aRecordedNameThatIsNoPlainWordGetsNoCommand(String recorded) {
        assertEquals("", Profile.commandFor(recorded));
    }

    @Test
    void withoutASuiteNoPlanIsKnown() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Profile.QUICK::planned);
        assertEquals("no benchmark suite on the class path to say what the quick profile measures", e.getMessage());
    }
}
