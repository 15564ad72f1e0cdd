package io.github.poolbench.site;

import io.github.poolbench.Fixtures;
import io.github.poolbench.render.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The site as it is published: the repository's own {@code content/} against the committed
 * reference results in {@code content/results/}, built with {@code --strict} (so every claim's
 * verdict is the one its prose expects, or the build fails).
 */
final class RealSite {

    private static Path shared;

    private RealSite() {}

    /**
     * One build of the published site for all the test classes of this JVM that only read it, in a
     * temporary folder removed when the JVM exits.
     */
    static synchronized Path shared() {
        if (shared == null) {
            try {
                Path folder = Files.createTempDirectory("poolbench-real-site-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        FileTrees.delete(folder);
                    } catch (IOException e) {
                        System.err.println("could not remove " + folder + ": " + e.getMessage());
                    }
                }));
                build(folder.resolve("site"));
                shared = folder.resolve("site");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static BuildSummary build(Path out) {
        Path content = Fixtures.repoRoot().resolve("content");
        return new SiteBuilder()
                .build(new BuildRequest(
                        content, Fixtures.templates(), content.resolve("results"), out, Optional.empty(), true));
    }

    /** The lessons' pages in the order of the path through them, as the index lists them (relative to the site root). */
    static List<String> lessonPaths(Path site) {
        return index(site).select(".lesson-list ol.cards .card-title a").eachAttr("href");
    }

    static Document index(Path site) {
        try {
            return Jsoup.parse(site.resolve("index.html").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
