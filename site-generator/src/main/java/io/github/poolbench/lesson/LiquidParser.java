package io.github.poolbench.lesson;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline parser extension, called at every {@code {} in running text (code spans, code blocks
 * and link targets are flexmark's and never reach it): Liquid tags and outputs, which Jekyll
 * allows on one line only, and GTN's {@code {ABBR}} abbreviations become {@link LiquidNode}s.
 */
final class LiquidParser implements InlineParserExtension {

    private static final Pattern TAG = Pattern.compile("^\\{%-?[ \\t]*(\\w+)[ \\t]*([^\\n]*?)[ \\t]*-?%}");
    private static final Pattern OUTPUT = Pattern.compile("^\\{\\{-?[ \\t]*([^\\n]*?)[ \\t]*-?}}");
    private static final Pattern ABBREVIATION = Pattern.compile("^\\{([A-Za-z][\\w-]*)}");

    @Override
    public boolean parse(LightInlineParser parser) {
        char next = parser.peek(1);
        BasedSequence input = parser.getInput();
        int at = parser.getIndex();
        if (next == '%') {
            Matcher tag = parser.matcher(TAG);
            if (tag != null) {
                return add(
                        parser,
                        new LiquidNode(
                                input.subSequence(at, tag.end()), LiquidNode.Kind.TAG, tag.group(1), tag.group(2)),
                        tag.end());
            }
            return add(parser, new LiquidNode(input.subSequence(at, at + 2), LiquidNode.Kind.UNCLOSED, "", ""), at + 2);
        }
        if (next == '{') {
            Matcher output = parser.matcher(OUTPUT);
            return output != null
                    && add(
                            parser,
                            new LiquidNode(
                                    input.subSequence(at, output.end()), LiquidNode.Kind.OUTPUT, output.group(1), ""),
                            output.end());
        }
        Matcher abbreviation = parser.matcher(ABBREVIATION);
        return abbreviation != null
                && add(
                        parser,
                        new LiquidNode(
                                input.subSequence(at, abbreviation.end()),
                                LiquidNode.Kind.ABBREVIATION,
                                abbreviation.group(1),
                                ""),
                        abbreviation.end());
    }

    private static boolean add(LightInlineParser parser, LiquidNode node, int end) {
        parser.flushTextNode();
        parser.getBlock().appendChild(node);
        parser.setIndex(end);
        return true;
    }

    @Override
    public void finalizeBlock(InlineParser parser) {}

    @Override
    public void finalizeDocument(InlineParser parser) {}

    /** Registers the extension with flexmark, for the {@code {} character. */
    static final class Factory implements InlineParserExtensionFactory {

        @Override
        public CharSequence getCharacters() {
            return "{";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new LiquidParser();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
