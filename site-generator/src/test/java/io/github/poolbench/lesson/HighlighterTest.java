package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HighlighterTest {

    /** The token class a piece of code gets; {@code -} for none. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "java   | `return x;`                 | return        | kw",
                "java   | `String s = \"hi\";`        | `\"hi\"`      | str",
                "java   | `// note`                   | // note       | com",
                "java   | `/* a\nb */ int`            | `/* a\nb */`  | com",
                "java   | `x = 0x1F + 2L;`            | 0x1F          | num",
                "java   | `@Override void f()`        | @Override     | meta",
                "java   | `var y = null;`             | null          | lit",
                "java   | `record Point() {}`         | record        | kw",
                "python | `def f(): pass`             | def           | kw",
                "python | `x = None  # why`           | # why         | com",
                "python | `s = f\"{x}\"`              | `f\"{x}\"`    | str",
                "python | `\"\"\"doc\nmore\"\"\"`      | `\"\"\"doc\nmore\"\"\"` | str",
                "python | `@cache\ndef g(): ...`      | @cache        | meta",
                "shell  | `echo $HOME`                | $HOME         | var",
                "bash   | `ls # list`                 | # list        | com",
                "shell  | `echo \"a b\"`              | `\"a b\"`     | str",
                "json   | `{\"pool\": 4}`             | `\"pool\"`    | key",
                "json   | `{\"a\": \"b\"}`            | `\"b\"`       | str",
                "json   | `{\"on\": true}`            | true          | lit",
                "yaml   | `tasks: 12`                 | tasks         | key",
                "yaml   | `fair: false # no`          | # no          | com",
                "yaml   | `fair: false`               | false         | lit",
                "yml    | `n: 3`                      | 3             | num",
            })
    void marksTokens(String language, String code, String token, String kind) {
        String html = Highlighter.highlight(language, code.replace("\\n", "\n"));

        String expected = "<span class=\"tok-" + kind + "\">" + Html.escape(token.replace("\\n", "\n")) + "</span>";
        assertTrue(html.contains(expected), "expected " + expected + " in " + html);
    }

    @ParameterizedTest(name = "[{index}] language ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {"java", "python", "shell", "json", "yaml", "text", "''"})
    void escapesEverythingElse(String language) {
        String html = Highlighter.highlight(language, "a < b && c > \"d\"");

        assertFalse(html.contains(" < ") || html.contains(" && ") || html.contains(" > "), html);
        assertEquals(
                "a < b && c > \"d\"",
                html.replaceAll("<[^>]+>", "")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                        .replace("&quot;", "\""));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' supported: {1}")
    @CsvSource({"java, true", "Python, true", "console, true", "yml, true", "rust, false", "'', false"})
    void knowsItsLanguages(String language, boolean supported) {
        assertEquals(supported, Highlighter.supports(language));
    }
}
