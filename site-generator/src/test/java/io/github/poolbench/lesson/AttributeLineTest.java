package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block parser of kramdown's attribute lines: where they start, and what they hold. */
class AttributeLineTest {

    private static final Parser PARSER = Parser.builder()
            .customBlockParserFactory(new AttributeLine.Factory())
            .build();

    /** The document's top-level blocks, an attribute line as {@code {classes #id others}} or {@code {toc}}. */
    private static List<String> blocks(String markdown) {
        List<String> found = new ArrayList<>();
        for (Node node : PARSER.parse(markdown).getChildren()) {
            found.add(
                    node instanceof AttributeLine line
                            ? line.toc
                                    ? "{toc}"
                                    : "{" + line.attributes.classes() + " #" + line.attributes.id() + " "
                                            + line.attributes.others() + "}"
                            : node.getClass().getSimpleName());
        }
        return found;
    }

    @Test
    void aLineAfterAParagraphEndsItAndHoldsClassesIdAndOthers() {
        assertEquals(
                List.of("Paragraph", "{[lead, wide] #intro {width=50%, data-x=1}}"),
                blocks("Some text.\n{: .lead .wide #intro width=\"50%\" data-x=1}\n"));
    }

    @Test
    void theLineClosingABoxEndsTheQuoteInsteadOfContinuingIt() {
        assertEquals(List.of("BlockQuote", "{[tip] # {}}"), blocks("> <tip-title>T</tip-title>\n> x\n{: .tip}\n"));
    }

    @Test
    void tocMarksTheAgenda() {
        assertEquals(List.of("OrderedList", "{toc}"), blocks("1. TOC\n{:toc}\n"));
    }

    @Test
    void anIndentedLineIsCodeAndAnUnclosedOneIsText() {
        assertEquals(List.of("IndentedCodeBlock"), blocks("    {: .tip}\n"));
        assertEquals(List.of("Paragraph"), blocks("{: .tip\n"));
    }
}
