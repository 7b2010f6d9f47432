package org.qapijava.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * How schema names become Java names. Each function is pure; {@link NameScope} makes the results unique.
 *
 * <p>Words are split at '-', '_' and '.'; a downstream prefix {@code __com.example_} keeps its words
 * ({@code __com.example_foo} becomes {@code comExampleFoo}), the experimental {@code x-} keeps its {@code x}.
 */
final class JavaNames {
    /** Names a record component or interface method may not take: Object's methods. */
    private static final Set<String> OBJECT_METHODS =
            Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals");

    private JavaNames() {}

    /** {@code backing-image} → {@code backingImage}, {@code bps_rd} → {@code bpsRd}, {@code CPU} → {@code cpu}. */
    static String member(String wireName) {
        List<String> words = words(wireName);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            out.append(i == 0 ? lowerFirst(word) : upperFirst(word));
        }
        return safeIdentifier(out.toString(), true);
    }

    /** {@code query-block} → {@code queryBlock}. */
    static String method(String wireName) {
        return member(wireName);
    }

    /** A type name: {@code ImageInfo} stays, {@code __com.example_Foo} → {@code ComExampleFoo}. */
    static String type(String schemaName) {
        StringBuilder out = new StringBuilder();
        for (String word : words(schemaName)) {
            out.append(upperFirst(word));
        }
        return safeIdentifier(out.toString(), false);
    }

    /** An event or command as a type: {@code JOB_STATUS_CHANGE} → {@code JobStatusChange}. */
    static String typeFromWords(String wireName) {
        StringBuilder out = new StringBuilder();
        for (String word : words(wireName)) {
            boolean shouting = word.equals(word.toUpperCase(Locale.ROOT));
            out.append(upperFirst(shouting ? word.toLowerCase(Locale.ROOT) : word));
        }
        return safeIdentifier(out.toString(), false);
    }

    /** An enum constant: {@code x86_64} → {@code X86_64}, {@code 1g} → {@code _1G}, {@code cpu-max} → {@code CPU_MAX}. */
    static String constant(String wireName) {
        String name = wireName.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
        return safeIdentifier(Character.isDigit(name.charAt(0)) ? "_" + name : name, false);
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || isSeparator(name.charAt(i))) {
                if (i > start) {
                    words.add(name.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (words.isEmpty()) {
            words.add("value");
        }
        return words;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    private static String lowerFirst(String word) {
        if (word.equals(word.toUpperCase(Locale.ROOT))) {
            return word.toLowerCase(Locale.ROOT);
        }
        return Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    private static String upperFirst(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Keywords, {@code _}, Object's methods (for members) and leading digits get an underscore. */
    private static String safeIdentifier(String name, boolean member) {
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (SourceVersion.isKeyword(name) || name.equals("_") || (member && OBJECT_METHODS.contains(name))) {
            return name + "_";
        }
        return name;
    }
}
