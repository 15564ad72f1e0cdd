package io.github.poolbench.machine;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps hostnames and user names out of everything the suite writes.
 *
 * <p>A name is matched as a whole token (not inside a longer word), case-sensitively: a host
 * called {@code vm} must not turn {@code jvm} or {@code Server VM} into nonsense, yet a path like
 * {@code /home/alice/jdk} must lose {@code alice}.
 */
public final class Privacy {

    /** What a scrubbed host name becomes. */
    public static final String HOST = "<host>";

    /** What a scrubbed user name becomes. */
    public static final String USER = "<user>";

    private final String home;
    private final List<Pattern> hosts;
    private final List<Pattern> users;

    /**
     * @param home the user's home directory, replaced by {@code ~} (may be null)
     * @param hostNames names of this host to remove
     * @param userNames names of the user to remove
     */
    public Privacy(String home, Set<String> hostNames, Set<String> userNames) {
        this.home = home == null || home.length() < 2 ? null : home;
        this.hosts = tokens(hostNames);
        this.users = tokens(userNames);
    }

    /** Scrubs this machine's host names and the current user's name and home. */
    public static Privacy ofThisMachine() {
        return new Privacy(System.getProperty("user.home"), hostNames(), userNames());
    }

    /** Every name this host goes by: the resolver's, the kernel's and the environment's. */
    public static Set<String> hostNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
        } catch (Exception e) {
            // No resolvable local host: the other sources still count.
        }
        names.add(System.getenv("HOSTNAME"));
        names.add(System.getenv("COMPUTERNAME"));
        for (String file : List.of("/etc/hostname", "/proc/sys/kernel/hostname")) {
            try {
                names.add(Files.readString(Path.of(file)).strip());
            } catch (Exception e) {
                // absent off Linux
            }
        }
        Set<String> withShortForms = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank() && !isLoopbackName(name)) {
                withShortForms.add(name);
                int dot = name.indexOf('.');
                if (dot > 0) {
                    withShortForms.add(name.substring(0, dot));
                }
            }
        }
        return withShortForms;
    }

    /** The user name as Java and the environment know it. */
    public static Set<String> userNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {
            System.getProperty("user.name"), System.getenv("USER"), System.getenv("USERNAME"), System.getenv("LOGNAME")
        }) {
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@code text} with home replaced by {@code ~} and every host and user name token removed. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = home == null ? text : text.replace(home, "~");
        for (Pattern host : hosts) {
            out = host.matcher(out).replaceAll(Matcher.quoteReplacement(HOST));
        }
        for (Pattern user : users) {
            out = user.matcher(out).replaceAll(Matcher.quoteReplacement(USER));
        }
        return out;
    }

    /** True when {@code text} still holds a host or user name token. */
    public boolean leaks(String text) {
        return hosts.stream().anyMatch(p -> p.matcher(text).find())
                || users.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** A pattern matching {@code name} only where no letter or digit touches it. */
    public static Pattern token(String name) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(name) + "(?![\\p{Alnum}])");
    }

    private static List<Pattern> tokens(Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        // Longest first, so "box.example.org" goes before its short form "box".
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted.stream()
                .filter(n -> n != null && !n.isBlank())
                .map(Privacy::token)
                .toList();
    }

    private static boolean isLoopbackName(String name) {
        return name.equals("localhost") || name.startsWith("localhost.") || name.equals("127.0.0.1");
    }
}
