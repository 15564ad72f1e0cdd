package io.github.poolbench.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time syntax highlighting for the languages the lessons use: Java, Python, shell, JSON and
 * YAML. A deliberately small lexer: comments, strings, numbers, keywords and a few extras
 * (annotations, YAML keys, shell variables) become {@code <span class="tok-…">}; everything else is
 * escaped text. Unknown languages are escaped only.
 */
public final class Highlighter {

    /**
     * A language's lexer. {@code groups} are its pattern's token groups in {@link #GROUPS} order, by
     * number: {@link Pattern#namedGroups()} copies its map on every call, and a cold build's profile
     * showed it once per token.
     */
    private record Language(Pattern tokens, Set<String> keywords, Set<String> literals, List<Group> groups) {
        Language(Pattern tokens, Set<String> keywords, Set<String> literals) {
            this(tokens, keywords, literals, groups(tokens));
        }

        private static List<Group> groups(Pattern tokens) {
            Map<String, Integer> named = tokens.namedGroups();
            return java.util.Arrays.stream(GROUPS)
                    .filter(named::containsKey)
                    .map(kind -> new Group(kind, named.get(kind)))
                    .toList();
        }
    }

    private record Group(String kind, int index) {}

    /** Token kinds, first match wins; declared before the languages, whose constructors read it. */
    private static final String[] GROUPS = {"com", "str", "meta", "key", "var", "num", "word"};

    private static final String NUMBER =
            "(?<num>\\b(?:0[xX][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[lLfFdDjJ]?)\\b)";

    private static final Language JAVA = new Language(
            Pattern.compile(
                    "(?<com>//[^\\n]*|/\\*.*?\\*/)|(?<str>\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+')"
                            + "|(?<meta>@[A-Za-z_]\\w*)|" + NUMBER + "|(?<word>\\b[A-Za-z_]\\w*\\b)",
                    Pattern.DOTALL),
            Set.of(
                    "abstract",
                    "assert",
                    "boolean",
                    "break",
                    "byte",
                    "case",
                    "catch",
                    "char",
                    "class",
                    "continue",
                    "default",
                    "do",
                    "double",
                    "else",
                    "enum",
                    "extends",
                    "final",
                    "finally",
                    "float",
                    "for",
                    "if",
                    "implements",
                    "import",
                    "instanceof",
                    "int",
                    "interface",
                    "long",
                    "new",
                    "package",
                    "private",
                    "protected",
                    "public",
                    "record",
                    "return",
                    "short",
                    "static",
                    "super",
                    "switch",
                    "synchronized",
                    "this",
                    "throw",
                    "throws",
                    "try",
                    "var",
                    "void",
                    "volatile",
                    "while",
                    "yield",
                    "sealed",
                    "permits"),
            Set.of("true", "false", "null"));

    private static final Language PYTHON = new Language(
            Pattern.compile(
                    "(?<com>#[^\\n]*)|(?<str>[rbfuRBFU]{0,2}(?:\"\"\"(?s:.*?)\"\"\"|'''(?s:.*?)'''|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'))"
                            + "|(?<meta>^[ \\t]*@[A-Za-z_][\\w.]*)|" + NUMBER + "|(?<word>\\b[A-Za-z_]\\w*\\b)",
                    Pattern.MULTILINE),
            Set.of(
                    "and",
                    "as",
                    "assert",
                    "async",
                    "await",
                    "break",
                    "class",
                    "continue",
                    "def",
                    "del",
                    "elif",
                    "else",
                    "except",
                    "finally",
                    "for",
                    "from",
                    "global",
                    "if",
                    "import",
                    "in",
                    "is",
                    "lambda",
                    "nonlocal",
                    "not",
                    "or",
                    "pass",
                    "raise",
                    "return",
                    "try",
                    "while",
                    "with",
                    "yield"),
            Set.of("True", "False", "None"));

    private static final Language SHELL = new Language(
            Pattern.compile(
                    "(?<com>(?<=^|[ \\t;])#[^\\n]*)|(?<str>\"(?:\\\\.|[^\"\\\\])*\"|'[^']*')|(?<var>\\$\\{[^}\\n]*}|\\$[A-Za-z_]\\w*|\\$[0-9#?@*$!])"
                            + "|" + NUMBER + "|(?<word>(?<![\\w/.-])[A-Za-z_][\\w-]*\\b)",
                    Pattern.MULTILINE),
            Set.of(
                    "if",
                    "then",
                    "else",
                    "elif",
                    "fi",
                    "for",
                    "in",
                    "do",
                    "done",
                    "while",
                    "until",
                    "case",
                    "esac",
                    "function",
                    "return",
                    "export",
                    "local",
                    "sudo",
                    "cd",
                    "echo",
                    "exit",
                    "set",
                    "source"),
            Set.of("true", "false"));

    private static final Language JSON = new Language(
            Pattern.compile(
                    "(?<key>\"(?:\\\\.|[^\"\\\\\\n])*\"(?=\\s*:))|(?<str>\"(?:\\\\.|[^\"\\\\\\n])*\")|(?<num>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                            + "|(?<word>\\b[a-z]+\\b)"),
            Set.of(),
            Set.of("true", "false", "null"));

    private static final Language YAML = new Language(
            Pattern.compile(
                    "(?<com>(?<=^|\\s)#[^\\n]*)|(?<key>^[ \\t]*(?:- )?[\\w.\"'-][\\w .\"'-]*(?=:(?:\\s|$)))|(?<str>\"(?:\\\\.|[^\"\\\\\\n])*\"|'[^'\\n]*')"
                            + "|(?<num>(?<=[:\\-\\[,]\\s|^)-?\\d+(?:\\.\\d+)?(?=\\s*(?:$|[,\\]#])))|(?<word>(?<=:\\s|-\\s|\\[|,\\s)[A-Za-z]+(?=\\s*(?:$|[,\\]#])))",
                    Pattern.MULTILINE),
            Set.of(),
            Set.of(
                    "true", "false", "null", "yes", "no", "True", "False", "Null", "TRUE", "FALSE", "NULL", "on",
                    "off"));

    private static final Map<String, Language> LANGUAGES = Map.ofEntries(
            Map.entry("java", JAVA),
            Map.entry("python", PYTHON),
            Map.entry("py", PYTHON),
            Map.entry("python3", PYTHON),
            Map.entry("shell", SHELL),
            Map.entry("bash", SHELL),
            Map.entry("sh", SHELL),
            Map.entry("console", SHELL),
            Map.entry("zsh", SHELL),
            Map.entry("json", JSON),
            Map.entry("yaml", YAML),
            Map.entry("yml", YAML));

    private Highlighter() {}

    /** Whether {@code language} (an info string such as {@code python}) gets highlighted. */
    public static boolean supports(String language) {
        return LANGUAGES.containsKey(language.toLowerCase(Locale.ROOT));
    }

    /** The code as HTML: escaped, with token spans for a supported language. */
    public static String highlight(String language, String code) {
        Language lang = LANGUAGES.get(language.toLowerCase(Locale.ROOT));
        if (lang == null) {
            return Html.escape(code);
        }
        StringBuilder out = new StringBuilder(code.length() * 2);
        Matcher m = lang.tokens().matcher(code);
        int last = 0;
        while (m.find()) {
            String kind = kind(m, lang);
            if (kind == null) {
                continue;
            }
            out.append(Html.escape(code.substring(last, m.start())));
            out.append("<span class=\"tok-")
                    .append(kind)
                    .append("\">")
                    .append(Html.escape(m.group()))
                    .append("</span>");
            last = m.end();
        }
        return out.append(Html.escape(code.substring(last))).toString();
    }

    private static String kind(Matcher m, Language lang) {
        for (Group group : lang.groups()) {
            if (m.start(group.index()) >= 0) {
                if (!group.kind().equals("word")) {
                    return group.kind();
                }
                String word = m.group();
                return lang.keywords().contains(word) ? "kw" : lang.literals().contains(word) ? "lit" : null;
            }
        }
        return null;
    }
}
