package io.github.poolbench.render;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The site's FreeMarker templates, read from a folder. Behaviour is pinned with
 * {@code incompatible_improvements} so a library upgrade cannot silently change output, and
 * {@code .ftlh} files are HTML auto-escaped: lesson text can never inject markup by accident.
 */
public final class Templates {

    private final Path folder;
    private final Configuration configuration;

    public Templates(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(Location.of(folder), "templates folder not found");
        }
        this.folder = folder;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        try {
            configuration.setDirectoryForTemplateLoading(folder.toFile());
        } catch (IOException e) {
            throw new InputException(Location.of(folder), "cannot read templates: " + e.getMessage(), e);
        }
        configuration.setDefaultEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
    }

    /** Renders {@code name} (e.g. {@code lesson.ftlh}) with the given model. */
    public String render(String name, Map<String, ?> model) {
        Template template;
        try {
            template = configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new InputException(Location.of(folder.resolve(name)), "template not found");
        } catch (ParseException e) {
            throw new InputException(new Location(folder.resolve(e.getTemplateName() == null ? name : e.getTemplateName()),
                    e.getLineNumber(), e.getColumnNumber()), "template syntax error: " + firstLine(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw new InputException(Location.of(folder.resolve(name)), "cannot read template: " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            throw new InputException(new Location(folder.resolve(source), line == null ? 0 : line, column == null ? 0 : column),
                    "template error: " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new InputException(Location.of(folder.resolve(name)), "cannot render: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        return message.strip().lines().findFirst().orElse("unknown problem").strip();
    }
}
