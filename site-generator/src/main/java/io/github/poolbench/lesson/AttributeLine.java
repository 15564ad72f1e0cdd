package io.github.poolbench.lesson;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line holding only a kramdown attribute list, {@code {: .class #id key="value"}}, or the
 * {@code {:toc}} agenda marker. It is a block of its own that may interrupt a paragraph, so the
 * {@code {: .hands_on}} line closing a GTN box ends the blockquote above it instead of running on
 * as its lazy continuation; {@link AttributeListExtension} moves the list onto the block it belongs to.
 */
final class AttributeLine extends Block {

    private static final Pattern LINE = Pattern.compile("\\{:[ \\t]*([^}]*?)[ \\t]*}[ \\t]*");

    final Attributes attributes;
    /** {@code {:toc}}: where the table of contents goes. */
    final boolean toc;

    private AttributeLine(BasedSequence chars, String list) {
        super(chars);
        this.toc = list.equals("toc");
        this.attributes = toc ? Attributes.NONE : Attributes.parse(list);
    }

    @Override
    public BasedSequence[] getSegments() {
        return BasedSequence.EMPTY_SEGMENTS;
    }

    /** Registers the parser with flexmark. */
    static final class Factory implements CustomBlockParserFactory {

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new Starter(options);
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

    private static final class Starter extends AbstractBlockParserFactory {

        Starter(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none(); // indented code, or list content Markdown reads as code
            }
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex()).trimEOL();
            Matcher m = LINE.matcher(rest);
            if (!m.matches()) {
                return BlockStart.none();
            }
            return BlockStart.of(new LineParser(new AttributeLine(rest.trimEnd(), m.group(1))))
                    .atIndex(state.getLineEndIndex());
        }
    }

    /** One line long: it continues nothing and holds nothing. */
    private static final class LineParser extends AbstractBlockParser {

        private final AttributeLine block;

        LineParser(AttributeLine block) {
            this.block = block;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none();
        }

        @Override
        public void closeBlock(ParserState state) {}

        @Override
        public boolean canInterruptBy(BlockParserFactory factory) {
            return false;
        }
    }
}
