package org.qapijava.gen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names already taken in one Java scope (a package, a record's components, an interface's methods).
 * {@link #claim} returns the name itself when it is free, else the name with {@code _}, then {@code _2},
 * {@code _3} ... appended: the first definition in schema order keeps its natural name, so output is
 * stable. Names that differ only in case collide when the scope holds files on a case-insensitive disk.
 */
final class NameScope {
    private final Set<String> taken = new HashSet<>();
    private final boolean ignoreCase;

    private NameScope(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    /**
     * A scope of members, parameters, locals or methods: case matters. The first segments of package names
     * are taken, so that a qualified name such as {@code java.util.Optional} is never shadowed.
     */
    static NameScope members() {
        return new NameScope(false).reserve("java", "javax", "org", "com");
    }

    /** A scope of top-level types in one package: names that differ only in case collide. */
    static NameScope files() {
        return new NameScope(true);
    }

    NameScope reserve(String... names) {
        for (String name : names) {
            taken.add(key(name));
        }
        return this;
    }

    String claim(String name) {
        String candidate = name;
        for (int n = 1; !taken.add(key(candidate)); n++) {
            candidate = n == 1 ? name + "_" : name + "_" + n;
        }
        return candidate;
    }

    private String key(String name) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }
}
