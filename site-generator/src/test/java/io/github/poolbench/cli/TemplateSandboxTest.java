package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Black-box runs of templates that try to run Java or reach JDK objects: each stops the build at the template's line, the site unchanged. */
class TemplateSandboxTest extends BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "?new runs a program  | <#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")} | Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons.",
                "?new makes an object | <#assign o=\"freemarker.template.utility.ObjectConstructor\"?new()>${o(\"java.io.File\", \"/\")} | Instantiating freemarker.template.utility.ObjectConstructor is not allowed in the template for security reasons.",
                "?api reaches Java    | ${lesson?api.getClass().getName()} | Can't use ?api, because the \"api_builtin_enabled\" configuration setting is false.",
                "a JDK object's method | ${lesson.source().toFile().delete()?c} | The following has evaluated to null or missing:",
            })
    void javaFromATemplateIsRefused(String name, String line, String message) throws IOException {
        Path lesson = templates.resolve("lesson.ftlh");
        Files.writeString(lesson, "\n" + line + "\n" + Files.readString(lesson));
        String before = fingerprint(site);

        CliRunner result = build();

        assertEquals(1, result.exitCode(), result.out());
        assertTrue(
                result.err()
                        .matches(java.util.regex.Pattern.quote(lesson + ":2:") + "\\d+: error: "
                                + java.util.regex.Pattern.quote("template error: " + message) + ".*\\R"),
                result.err());
        assertEquals(before, fingerprint(site));
        assertTrue(Files.exists(content.resolve("lesson.md")), "the lesson is still there");
    }
}
