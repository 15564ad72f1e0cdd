package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    private final AllowList allowList = new AllowList(List.of());

    @Test
    void compactValuesSurviveTheTrip() throws Exception {
        Object[] values = {
            null,
            "ünïcødé ✓",
            "",
            42,
            -7L,
            2.5,
            true,
            1.5f,
            (short) 3,
            (byte) -1,
            'x',
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            Double.NaN
        };
        byte[] encoded = ValueCodec.encode(values);
        assertEquals(1, encoded[0], "the compact encoding, not Java serialization");
        assertArrayEquals(values, ValueCodec.decode(encoded, allowList));
    }

    enum Mood {
        CALM,
        CROSS {
            @Override
            public String toString() {
                return "grr";
            }
        }
    }

    record Nap(int index, java.time.Duration length, boolean echo, Mood mood) implements java.io.Serializable {
        Nap {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }
    }

    record Nested(Nap nap, Object anything, java.time.Instant at) implements java.io.Serializable {}

    record NotSerializable(int value) {}

    @Test
    void recordsEnumsAndTimesAreCompactToo() throws Exception {
        Object[] values = {
            new Nested(
                    new Nap(3, java.time.Duration.ofMillis(100), true, Mood.CROSS),
                    42L,
                    java.time.Instant.ofEpochSecond(1_700_000_000L, 123)),
            Mood.CALM,
            java.time.Duration.ofNanos(-5)
        };
        byte[] encoded = ValueCodec.encode(values);
        assertEquals(1, encoded[0], "compact");
        assertArrayEquals(values, ValueCodec.decode(encoded, allowList));
    }

    @Test
    void aRecordIsRebuiltThroughItsCanonicalConstructor() throws Exception {
        byte[] encoded = ValueCodec.encode(new Object[] {new Nap(1, java.time.Duration.ZERO, false, Mood.CALM)});
        int at = new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Nap") + 3;
        byte[] tampered = encoded.clone();
        // After the class name: the component count (4 bytes), then index's tag (1 byte) and value (4 bytes).
        assertEquals(4, tampered[at + 3], "four components");
        java.util.Arrays.fill(tampered, at + 5, at + 9, (byte) 0xff); // index -1
        java.io.InvalidClassException refused =
                assertThrows(java.io.InvalidClassException.class, () -> ValueCodec.decode(tampered, allowList));
        assertTrue(refused.getMessage().contains("negative index"), refused.getMessage());
    }

    @Test
    void recordsThatAreNotSerializableOrNotAllowedAreTreatedAsJavaSerializationWould() {
        NotSerializableException notSerializable = assertThrows(
                NotSerializableException.class, () -> ValueCodec.encode(new Object[] {new NotSerializable(1)}));
        assertEquals(NotSerializable.class.getName(), notSerializable.getMessage());
        AllowList jdkOnly = new AllowList(List.of());
        assertTrue(jdkOnly.allows(Nap.class), "the project's own records are allowed");
    }

    @Test
    void otherValuesFallBackToSerializationThroughTheAllowList() throws Exception {
        Object[] values = {List.of(1, 2), Map.of("a", new BigInteger("123456789012345678901234567890")), 3};
        byte[] encoded = ValueCodec.encode(values);
        assertEquals((byte) 0xAC, encoded[0], "a Java serialization stream");
        assertArrayEquals(values, ValueCodec.decode(encoded, allowList));

        InvalidClassException refused = assertThrows(
                InvalidClassException.class,
                () -> ValueCodec.decode(
                        ValueCodec.encode(new Object[] {URI.create("https://example.org")}), allowList));
        assertEquals(
                "java.net.URI; refused to deserialize it: not on the pool's allow-list " + allowList.patterns()
                        + "; allow it with PoolOptions.withAllowedClasses(\"java.net.URI\")",
                refused.getMessage());
        assertArrayEquals(
                new Object[] {URI.create("https://example.org")},
                ValueCodec.decode(
                        ValueCodec.encode(new Object[] {URI.create("https://example.org")}),
                        new AllowList(List.of("java.net.URI"))));
    }

    @Test
    void anUnserializableValueIsNamed() {
        NotSerializableException error = assertThrows(
                NotSerializableException.class, () -> ValueCodec.encode(new Object[] {"fine", new Thread()}));
        assertEquals("java.lang.Thread", error.getMessage());
    }

    @Test
    void allowListPatternsMatchAsDocumented() {
        AllowList extra = new AllowList(List.of("com.example.*", "org.sample.**", "net.one.Exact"));
        record Local() {}
        assertEquals(true, extra.allows(int[][].class));
        assertEquals(true, extra.allows(String[].class));
        assertEquals(true, extra.allows(Local.class), "io.github.poolbench.** covers the project");
        assertEquals(false, extra.allows(URI.class));
        assertEquals(false, extra.allows(java.lang.reflect.Method.class), "java.lang.* is one package only");
        assertThrows(IllegalArgumentException.class, () -> new AllowList(List.of("!java.net.*")));
    }

    @Test
    void aPatternEndingInAStarIsAPrefixAsInObjectInputFilter() {
        AllowList nested = new AllowList(List.of("java.net.Proxy$*"));
        assertTrue(nested.allows(java.net.Proxy.Type.class), "Proxy$* admits Proxy's nested classes");
        assertFalse(nested.allows(java.net.Proxy.class), "but not Proxy itself");
        assertFalse(nested.allows(java.net.URI.class));
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> new AllowList(List.of("java.*.Proxy")));
        assertEquals(
                "Not an allow-list pattern: 'java.*.Proxy'; use a class name, a prefix ending in * "
                        + "(e.g. com.example.Probe$*), package.* or package.**",
                bad.getMessage());
    }

    /** Shows one thing and holds another: Java serialization keeps the field, and so must we. */
    record Masked(String secret) implements java.io.Serializable {
        @Override
        public String secret() {
            return "***";
        }
    }

    @Test
    void aRecordComesBackWithItsFieldsNotWhatItsAccessorsShow() throws Exception {
        Object[] values = {new Masked("hunter2")};
        byte[] encoded = ValueCodec.encode(values);
        assertEquals(1, encoded[0], "compact");
        assertArrayEquals(values, ValueCodec.decode(encoded, allowList));
    }

    @Test
    void stringsWithLoneSurrogatesSurviveTheTrip() throws Exception {
        Object[] values = {"a\uD800b", "\uDC00", "end\uD800", "pair \uD83D\uDE00 ok", ""};
        byte[] encoded = ValueCodec.encode(values);
        assertEquals(1, encoded[0], "compact");
        assertArrayEquals(values, ValueCodec.decode(encoded, allowList));
    }

    @Test
    void aGraphNestedDeeperThanTheLimitIsRefusedWithTheReason() throws Exception {
        Object[] deep = Tasks.nest(AllowList.MAX_DEPTH + 10);
        InvalidClassException refused =
                assertThrows(InvalidClassException.class, () -> allowList.deserialize(AllowList.serialize(deep)));
        assertEquals("refused to deserialize a graph nested deeper than 500 objects", refused.getMessage());
        assertEquals(1, ((Object[]) allowList.deserialize(AllowList.serialize(Tasks.nest(100)))).length);
    }

    /** What the filter is asked about one object: only the counts vary here. */
    private record Info(long depth, long references, long arrayLength, long streamBytes)
            implements java.io.ObjectInputFilter.FilterInfo {
        @Override
        public Class<?> serialClass() {
            return null;
        }
    }

    @Test
    void theFilterBoundsDepthReferencesAndArrayLengthsAtTheirLimitsExactly() {
        AllowList.Refusals filter = allowList.new Refusals(1_000);
        java.io.ObjectInputFilter.Status undecided = java.io.ObjectInputFilter.Status.UNDECIDED;
        java.io.ObjectInputFilter.Status rejected = java.io.ObjectInputFilter.Status.REJECTED;
        assertEquals(undecided, filter.checkInput(new Info(AllowList.MAX_DEPTH, AllowList.MAX_REFERENCES, 1_000, 0)));
        assertEquals(rejected, filter.checkInput(new Info(AllowList.MAX_DEPTH + 1, 1, 0, 0)));
        assertEquals(rejected, filter.checkInput(new Info(1, AllowList.MAX_REFERENCES + 1, 0, 0)));
        assertEquals(rejected, filter.checkInput(new Info(1, 1, 1_001, 0)));
    }

    @Test
    void anArrayLongerThanItsStreamIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] whole = AllowList.serialize(new long[1_000_000]);
        byte[] cut = java.util.Arrays.copyOf(whole, 64); // the header still says a million longs
        InvalidClassException refused = assertThrows(InvalidClassException.class, () -> allowList.deserialize(cut));
        assertEquals(
                "refused to deserialize an array of 1000000 elements in a stream of 64 bytes", refused.getMessage());
    }
}
