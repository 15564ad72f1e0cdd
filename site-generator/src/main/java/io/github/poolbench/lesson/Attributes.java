package io.github.poolbench.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kramdown attribute list, {@code {: .class #id key="value"}}, as classes, an id and other attributes.
 *
 * @param id empty when the list names none
 */
record Attributes(List<String> classes, String id, Map<String, String> others) {

    private static final Pattern PART = Pattern.compile(
            "\\.([\\w-]+)|#([A-Za-z][\\w:.-]*)|([A-Za-z_:][\\w:.-]*)=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    /** A line holding only an attribute list; {@code {:toc}} is one too, handled apart. */
    static final Pattern LINE = Pattern.compile("^[ \\t]*\\{:[ \\t]*([^}]*?)[ \\t]*\\}[ \\t]*$");

    static final Attributes NONE = new Attributes(List.of(), "", Map.of());

    Attributes {
        classes = List.copyOf(classes);
        // in the order written: Map.copyOf's order changes from one JVM to the next, and so would the page
        others = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    static Attributes parse(String list) {
        List<String> classes = new ArrayList<>();
        String id = "";
        Map<String, String> others = new LinkedHashMap<>();
        Matcher m = PART.matcher(list);
        while (m.find()) {
            if (m.group(1) != null) {
                classes.add(m.group(1));
            } else if (m.group(2) != null) {
                id = m.group(2);
            } else {
                String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
                others.put(m.group(3).toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        return new Attributes(classes, id, others);
    }

    Attributes plus(Attributes more) {
        List<String> allClasses = new ArrayList<>(classes);
        more.classes.stream().filter(c -> !allClasses.contains(c)).forEach(allClasses::add);
        Map<String, String> allOthers = new LinkedHashMap<>(others);
        allOthers.putAll(more.others);
        return new Attributes(allClasses, more.id.isEmpty() ? id : more.id, allOthers);
    }

    Attributes withClasses(List<String> replacement) {
        return new Attributes(replacement, id, java.util.Map.of());
    }

    Attributes withoutId() {
        return new Attributes(classes, "", others);
    }

    Attributes withoutClass(String cssClass) {
        return new Attributes(classes.stream().filter(c -> !c.equals(cssClass)).toList(), id, others);
    }

    boolean has(String cssClass) {
        return classes.contains(cssClass);
    }
}
