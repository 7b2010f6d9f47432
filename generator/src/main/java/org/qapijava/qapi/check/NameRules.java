package org.qapijava.qapi.check;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.syntax.Node;

/**
 * The naming rules of the QAPI language. A valid name is ASCII letters, digits, '-' and '_', starting with a
 * letter, optionally after a downstream prefix {@code __RFQDN_} and the experimental prefix {@code x-}; names
 * whose C form starts with {@code q_} are reserved.
 *
 * <p>Since QEMU 6.0 the case of a name depends on what it names: types are CamelCase, events UPPER_CASE,
 * commands and members lower-case with '-'. Schemas in the older dialect (QEMU 5.2 and before, recognised by
 * their {@code *-whitelist} pragmas) only had to keep member names free of upper case.
 *
 * <p>Every {@code what} argument describes the named thing, name included: {@code "struct 'Foo'"},
 * {@code "member 'bar' of struct 'Foo'"}.
 */
final class NameRules {
    private static final Pattern VALID = Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");

    private final boolean legacy;

    NameRules(boolean legacy) {
        this.legacy = legacy;
    }

    /** The name as QEMU's C code spells it: '-' and '.' become '_'. Members that agree here collide. */
    static String cName(String name) {
        return name.replace('-', '_').replace('.', '_');
    }

    /** Checks the name is valid and returns its stem, without prefixes. */
    private static String stem(String name, Node.Str at, String what) {
        Matcher m = VALID.matcher(name);
        if (!m.matches() || cName(name).startsWith("q_")) {
            throw new SchemaError(at.location(), what + " has an invalid name");
        }
        return m.group(3);
    }

    void definition(Node.Str name, String meta, boolean underscoreAllowed) {
        String value = name.value();
        String what = meta + " '" + value + "'";
        String stem = stem(value, name, what);
        if (legacy) {
            if (value.endsWith("Kind") || value.endsWith("List")) {
                throw error(name, what, "should not end in '" + value.substring(value.length() - 4) + "'");
            }
            return;
        }
        switch (meta) {
            case "event" -> {
                if (stem.chars().anyMatch(c -> Character.isLowerCase(c) || c == '-')) {
                    throw error(name, what, "must not use lowercase or '-'");
                }
            }
            case "command" -> lowerCase(name, stem, what, false, underscoreAllowed);
            default -> {
                if (!CAMEL.matcher(stem).matches()) {
                    throw error(name, what, "must use CamelCase");
                }
                if (value.endsWith("List")) {
                    throw error(name, what, "should not end in 'List'");
                }
            }
        }
    }

    /**
     * A member, branch or feature name: lower-case with '-', unless its owner is in the
     * {@code member-name-exceptions} pragma (permissive).
     */
    void member(Node.Str name, String what, boolean permissive) {
        lowerCaseName(name, name.value(), what, permissive);
    }

    /** An enum value: as a member name, but it may start with a digit ({@code 1g}). */
    void enumValue(Node.Str name, String what, boolean permissive) {
        String value = name.value();
        boolean digit = !value.isEmpty() && Character.isDigit(value.charAt(0));
        lowerCaseName(name, digit ? "d" + value : value, what, permissive);
    }

    private void lowerCaseName(Node.Str name, String checked, String what, boolean permissive) {
        String value = name.value();
        String stem = stem(checked, name, what);
        if (legacy) {
            if (!permissive && !value.toLowerCase(Locale.ROOT).equals(value)) {
                throw error(name, what, "must not use uppercase");
            }
            return;
        }
        lowerCase(name, stem, what, permissive, permissive);
    }

    private static void lowerCase(Node.Str name, String stem, String what, boolean upperAllowed,
            boolean underscoreAllowed) {
        boolean upper = stem.chars().anyMatch(Character::isUpperCase);
        if ((upper && !upperAllowed) || (stem.indexOf('_') >= 0 && !underscoreAllowed)) {
            throw error(name, what, "must not use uppercase or '_'");
        }
    }

    private static SchemaError error(Node.Str name, String what, String problem) {
        return new SchemaError(name.location(), "name of " + what + " " + problem);
    }
}
