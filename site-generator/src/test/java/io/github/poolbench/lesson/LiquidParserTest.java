package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inline parser of the dialect's Liquid: which text becomes which {@link LiquidNode}. */
class LiquidParserTest {

    private static final Parser PARSER = Parser.builder()
            .customInlineParserExtensionFactory(new LiquidParser.Factory())
            .build();

    /** Each Liquid node of the text as {@code KIND name|args|chars}. */
    private static List<String> nodes(String markdown) {
        List<String> found = new ArrayList<>();
        for (Node node : PARSER.parse(markdown).getDescendants()) {
            if (node instanceof LiquidNode liquid) {
                found.add(liquid.kind + " " + liquid.name + "|" + liquid.args + "|" + liquid.getChars());
            }
        }
        return found;
    }

    @Test
    void tagsOutputsAbbreviationsAndAnUnclosedTagEachBecomeANode() {
        assertEquals(
                List.of(
                        "TAG icon|tip|{% icon tip %}",
                        "OUTPUT site.baseurl||{{ site.baseurl }}",
                        "ABBREVIATION JVM||{JVM}",
                        "TAG measured|SleepBenchmark.map poolSize=4|{%- measured SleepBenchmark.map poolSize=4 -%}",
                        "UNCLOSED ||{%"),
                nodes("a {% icon tip %} b {{ site.baseurl }} c {JVM} d "
                        + "{%- measured SleepBenchmark.map poolSize=4 -%} e {% open"));
    }

    @Test
    void codeAndTextThatIsNoLiquidStayText() {
        assertEquals(
                List.of(),
                nodes("`{% icon tip %}` and {lower-case is text? no: {1} {} { JVM } {{ unclosed\n\n    {% in code %}"));
    }

    @Test
    void aTagEndsOnItsOwnLine() {
        assertEquals(List.of("UNCLOSED ||{%"), nodes("{% icon\ntip %}"));
    }
}
