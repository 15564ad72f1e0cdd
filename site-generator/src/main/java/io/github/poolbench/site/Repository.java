package io.github.poolbench.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository a site is built from, named in every page's footer with a link to report a mistake
 * and, on a lesson, one to edit its source. Only a public web address is kept: a remote's user name
 * or token never reaches a page.
 *
 * @param url {@code https://host/owner/name}, without {@code .git}, user info or trailing slash
 */
public record Repository(String url) {

    /** {@code git@host:owner/name.git}, the form {@code git remote get-url} gives for SSH remotes. */
    private static final Pattern SCP = Pattern.compile("[\\w.-]+@([\\w.-]+):([\\w./-]+)");

    /** The branch that "edit this page" opens: the one Pages publishes. */
    static final String BRANCH = "main";

    /**
     * The web address of {@code remote} (an https, ssh or scp-style git remote), or empty when it is
     * none (a local path, another scheme, no owner and name).
     */
    public static Optional<Repository> of(String remote) {
        String text = remote.strip();
        Matcher scp = SCP.matcher(text);
        String host;
        String path;
        if (scp.matches()) {
            host = scp.group(1);
            path = scp.group(2);
        } else {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null
                        || !uri.getScheme().matches("https?|ssh|git")
                        || uri.getHost() == null
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    return Optional.empty();
                }
                host = uri.getHost()
                        + (uri.getPort() > 0 && !uri.getScheme().startsWith("ssh") ? ":" + uri.getPort() : "");
                path = uri.getPath();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
        path = path.replaceFirst("^/+", "").replaceFirst("/+$", "").replaceFirst("\\.git$", "");
        if (!path.matches("[\\w.-]+(?:/[\\w.-]+)+") || path.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new Repository("https://" + host + "/" + path));
    }

    /** The web address of the {@code origin} remote of the work tree {@code folder} is in, if it has one. */
    public static Optional<Repository> origin(java.nio.file.Path folder) {
        return LastModified.git(folder, java.util.List.of("remote", "get-url", "origin"))
                .flatMap(Repository::of);
    }

    /** Where a reader reports a mistake. */
    public String issues() {
        return url + "/issues/new";
    }

    /** The editor for {@code path}, a file of the repository ({@code content/lessons/threads.md}). */
    public String edit(String path) {
        return url + "/edit/" + BRANCH + "/" + path;
    }
}
