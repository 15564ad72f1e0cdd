package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    private final AllowList allowList = new AllowList(List.of());

    @Test
    void compactValuesSurviveTheTrip() throws Exception {
        Object[] values = {null, "ünïcødé ✓", "", 42, -7L, 2.5, true, 1.5f, (short) 3, (byte) -1, 'x',
                Integer.MIN_VALUE, Long.MAX_VALUE, Double.NaN};
        byte[] encoded = Values.encode(values);
        assertEquals(1, encoded[0], "the compact encoding, not Java serialization");
        assertArrayEquals(values, Values.decode(encoded, allowList));
    }

    @Test
    void otherValuesFallBackToSerializationThroughTheAllowList() throws Exception {
        Object[] values = {List.of(1, 2), Map.of("a", new BigInteger("123456789012345678901234567890")), 3};
        byte[] encoded = Values.encode(values);
        assertEquals((byte) 0xAC, encoded[0], "a Java serialization stream");
        assertArrayEquals(values, Values.decode(encoded, allowList));

        InvalidClassException refused = assertThrows(InvalidClassException.class,
                () -> Values.decode(Values.encode(new Object[] {URI.create("https://example.org")}), allowList));
        assertEquals("java.net.URI; refused to deserialize it: not on the pool's allow-list " + allowList.patterns()
                + "; allow it with PoolOptions.withAllowedClasses(\"java.net.URI\")", refused.getMessage());
        assertArrayEquals(new Object[] {URI.create("https://example.org")},
                Values.decode(Values.encode(new Object[] {URI.create("https://example.org")}),
                        new AllowList(List.of("java.net.URI"))));
    }

    @Test
    void anUnserializableValueIsNamed() {
        NotSerializableException error = assertThrows(NotSerializableException.class,
                () -> Values.encode(new Object[] {"fine", new Thread()}));
        assertEquals("java.lang.Thread", error.getMessage());
    }

    @Test
    void allowListPatternsMatchAsDocumented() {
        AllowList extra = new AllowList(List.of("com.example.*", "org.sample.**", "net.one.Exact"));
        record Local() {
        }
        assertEquals(true, extra.allows(int[][].class));
        assertEquals(true, extra.allows(String[].class));
        assertEquals(true, extra.allows(Local.class), "io.github.poolbench.** covers the project");
        assertEquals(false, extra.allows(URI.class));
        assertEquals(false, extra.allows(java.lang.reflect.Method.class), "java.lang.* is one package only");
        assertThrows(IllegalArgumentException.class, () -> new AllowList(List.of("!java.net.*")));
    }
}
