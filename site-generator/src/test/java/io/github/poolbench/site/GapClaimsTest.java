package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The gaps an expert found in the lessons (issue 14) are filled with measured numbers: each gap
 * has statements on the published pages that quote a measurement or a verdict, at least eight in
 * all, and every verdict is the one its prose expects. A statement is counted by the benchmark its
 * tooltip names, or, for the sizing rule and SMT, which quote the general sweeps, by the section it
 * stands in.
 */
class GapClaimsTest {

    /** Each gap, and the benchmark names (start of a tooltip) or section headings that hold its statements. */
    private static final Map<String, List<String>> GAPS = new LinkedHashMap<>();

    static {
        GAPS.put("start-up cost", List.of("PoolStartupBenchmark."));
        GAPS.put(
                "parallel streams and invokeAll",
                List.of("JdkMapBenchmark.parallelStream", "JdkMapBenchmark.invokeAll"));
        GAPS.put("CompletableFuture and the common pool", List.of("CommonPoolBenchmark."));
        GAPS.put("chunk size", List.of("ChunkSizeBenchmark."));
        GAPS.put(
                "sizing rule against the sweeps",
                List.of(
                        "section:One rule for both, and where it meets the measurements",
                        "section:Little's law: how many are in flight"));
        GAPS.put("SMT", List.of("section:Logical and physical cores"));
    }

    @Test
    void everyGapHasMeasuredStatementsAndTheirVerdictsAreTheExpectedOnes() throws IOException {
        Path site = RealSite.shared();
        Map<String, List<String>> found = new LinkedHashMap<>();
        GAPS.keySet().forEach(gap -> found.put(gap, new ArrayList<>()));
        List<String> wrong = new ArrayList<>();
        for (String lesson : RealSite.lessonPaths(site)) {
            Document page = Jsoup.parse(site.resolve(lesson).toFile());
            for (Element statement : page.select(".lesson-body .measured, .lesson-body .verdict")) {
                String title = statement.attr("title");
                String section = section(statement);
                GAPS.forEach((gap, marks) -> {
                    if (marks.stream()
                            .anyMatch(mark -> mark.startsWith("section:")
                                    ? section.equals(mark.substring(8))
                                    : title.startsWith(mark))) {
                        found.get(gap).add(lesson + ": " + statement.text());
                    }
                });
                if (statement.hasClass("verdict")
                        && !statement.attr("data-verdict").equals(statement.attr("data-expected"))) {
                    wrong.add(lesson + ": " + statement.text() + " (expected " + statement.attr("data-expected") + ")");
                }
            }
        }

        List<String> empty = found.entrySet().stream()
                .filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), empty, "gaps without a measured statement; found: " + found);
        long total = found.values().stream().mapToLong(List::size).sum();
        assertTrue(total >= 8, "only " + total + " measured statements for the gaps: " + found);
        assertEquals(List.of(), wrong, "verdicts other than the prose expects");
    }

    /** The text of the nearest h2 or h3 before the element in document order. */
    private static String section(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            for (Element before = at.previousElementSibling();
                    before != null;
                    before = before.previousElementSibling()) {
                if (before.is("h2, h3")) {
                    return before.text();
                }
            }
        }
        return "";
    }
}
