package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The forks' flags, the launcher's and the parent pom's definition are one and the same. */
class JvmFlagsTest {

    /** Tests run in the module's folder; the checkout is its parent. */
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    private static List<String> pomFlags() throws IOException {
        Matcher flags = Pattern.compile("<poolbench.jvm.flags>(.*)</poolbench.jvm.flags>")
                .matcher(Files.readString(CHECKOUT.resolve("pom.xml")));
        assertTrue(flags.find(), "the parent pom defines poolbench.jvm.flags");
        return Arrays.asList(flags.group(1).strip().split("\\s+"));
    }

    @Test
    void forksGetThePomsFlags() throws IOException {
        assertEquals(pomFlags(), JvmFlags.FORKS);
        assertTrue(JvmFlags.FORKS.contains("--sun-misc-unsafe-memory-access=allow"), JvmFlags.FORKS.toString());
    }

    @Test
    void theLauncherReadsTheSameFlags() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", ". ./.mvn/java-home.sh && poolbench_jvm_flags .")
                .directory(CHECKOUT.toFile())
                .redirectErrorStream(true)
                .start();
        shell.getOutputStream().close();
        assertTrue(shell.waitFor(1, TimeUnit.MINUTES), "the shell hung");
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.exitValue(), out);
        assertEquals(String.join(" ", pomFlags()), out.strip());
    }
}
