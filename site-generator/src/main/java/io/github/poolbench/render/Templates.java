package io.github.poolbench.render;

import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputFile;
import io.github.poolbench.files.InputTree;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's FreeMarker templates, read from a folder. Behaviour is pinned with
 * {@code incompatible_improvements} so a library upgrade cannot silently change output, and
 * {@code .ftlh} files are HTML auto-escaped: lesson text can never inject markup by accident.
 *
 * <p>Templates arrive by pull request like everything else, so they run no Java: {@code ?new}
 * may instantiate no class (FreeMarker's {@code Execute} would run programs) and {@code ?api} is
 * off. Only regular files inside the folder load ({@link InputTree}).
 */
public final class Templates {

    private final Path folder;
    private final List<InputFile> files;
    private final Configuration configuration;

    public Templates(Path folder) {
        this(folder, new Diagnostics(false));
    }

    /** Templates from {@code folder}; links leading out of it and special files are reported to {@code diagnostics}. */
    public Templates(Path folder, Diagnostics diagnostics) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(Location.of(folder), "templates folder not found");
        }
        this.folder = folder;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        files = InputTree.walk(folder, "templates", diagnostics);
        Map<String, Path> byName = new HashMap<>();
        files.forEach(file -> byName.put(file.relative().toString().replace('\\', '/'), file.real()));
        configuration.setTemplateLoader(new FolderLoader(byName));
        configuration.setLocalizedLookup(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setMemberAccessPolicy(OWN_TYPES_ONLY);
        configuration.setObjectWrapper(wrapper.build());
        configuration.setDefaultEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        try {
            configuration.setSharedVariable(
                    "contentSecurityPolicy", io.github.poolbench.assets.AssetPolicy.CONTENT_SECURITY_POLICY);
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e); // a string always wraps
        }
    }

    /** Every regular file of the folder (templates and assets), as the walk accepted them. */
    public List<InputFile> files() {
        return files;
    }

    /**
     * Makes {@code value} (a string) visible to every template as {@code name}: what every page's frame
     * shows, such as the repository's address, without each page's model carrying it.
     */
    public void share(String name, String value) {
        try {
            configuration.setSharedVariable(name, value);
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException("cannot share " + name, e);
        }
    }

    /** Renders {@code name} (e.g. {@code lesson.ftlh}) with the given model. */
    public String render(String name, Map<String, ?> model) {
        Template template;
        try {
            template = configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new InputException(Location.of(folder.resolve(name)), "template not found");
        } catch (ParseException e) {
            throw new InputException(
                    new Location(
                            folder.resolve(e.getTemplateName() == null ? name : e.getTemplateName()),
                            e.getLineNumber(),
                            e.getColumnNumber()),
                    "template syntax error: " + firstLine(e.getEditorMessage()),
                    e);
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
            throw new InputException(
                    new Location(folder.resolve(source), line == null ? 0 : line, column == null ? 0 : column),
                    "template error: " + firstLine(e.getMessageWithoutStackTop()),
                    e);
        } catch (IOException e) {
            throw new InputException(Location.of(folder.resolve(name)), "cannot render: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Templates may call the methods of this project's model types (records, views) and nothing
     * else: the model holds paths and other JDK objects, and {@code lesson.source().toFile().delete()}
     * would otherwise delete a file. Lists, maps, strings and numbers are wrapped by FreeMarker itself
     * and need no methods.
     */
    private static final MemberAccessPolicy OWN_TYPES_ONLY = new MemberAccessPolicy() {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> type) {
            return new ClassMemberAccessPolicy() {
                @Override
                public boolean isMethodExposed(java.lang.reflect.Method method) {
                    return ours(method.getDeclaringClass());
                }

                @Override
                public boolean isConstructorExposed(java.lang.reflect.Constructor<?> constructor) {
                    return false;
                }

                @Override
                public boolean isFieldExposed(java.lang.reflect.Field field) {
                    return false;
                }
            };
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return true;
        }

        private static boolean ours(Class<?> type) {
            return type.getName().startsWith("io.github.poolbench.");
        }
    };

    /** Serves only the files the walk accepted, by their name below the folder. */
    private record FolderLoader(Map<String, Path> files) implements TemplateLoader {

        @Override
        public Object findTemplateSource(String name) {
            return files.get(name);
        }

        @Override
        public long getLastModified(Object source) {
            try {
                return Files.getLastModifiedTime((Path) source).toMillis();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            return Files.newBufferedReader((Path) source, Charset.forName(encoding));
        }

        @Override
        public void closeTemplateSource(Object source) {}
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        return message.strip().lines().findFirst().orElse("unknown problem").strip();
    }
}
