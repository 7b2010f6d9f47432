package org.qapijava.qapi;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damages schema text the ways editors, merges and truncated downloads do: characters and ranges deleted,
 * duplicated, swapped or inserted, tokens moved, lines dropped or repeated, strings rewritten, files cut
 * short. Everything is drawn from one seeded random source, and every mutation is described (with the
 * line and column it happened at), so a case is reproduced from its seed and explained by its description.
 */
final class MutationEngine {

    /** Characters worth inserting: the syntax's own, whitespace and line ends, escapes, and non-ASCII. */
    private static final String[] INSERTS = {
        "'", "'", "{", "}", "[", "]", ":", ",", "#", "##", "\\", "\t", "\r", "\n", " ", "\u0000", "é", "\"",
        "@", "*", "-", "_", "x", "Z", "0", "true", "false", "\u00a0", "\u2028", "\ufeff", "\ud83d\ude00",
        "\ud83d", "\u007f", "\f", "\u000b", "\u0085", "\u2029", "\u001b",
    };

    /** What a string may be rewritten to: names with meaning, names that break rules, paths. */
    private static final String[] STRINGS = {
        "", "x", "str", "int", "any", "null", "bool", "number", "size", "q_empty", "QType", "q_obj_foo-arg",
        "*opt", "**", "*", "x-exp", "__com.example_name", "__com.example_Foo", "Foo", "FooList", "FooKind",
        "FOO_BAR", "foo_bar", "a-b", "a_b", "1st", "CONFIG_X", "defined(CONFIG_Y)", "lower", "deprecated",
        "unstable", "has_foo", "u", "data", "base", "discriminator", "type", "if", "features", "include",
        "pragma", "enum", "struct", "union", "alternate", "command", "event", "returns", "boxed", "gen",
        "allow-oob", "coroutine", "success-response", "allow-preconfig", "name", "prefix", "all", "any", "not",
        "doc-required", "member-name-exceptions", "fuzz-case.json", "../fuzz-main.json", "fuzz-main.json",
        "common.json", "missing.json", "/", ".", "..", "sub/", "qapi-schema.json", "\\\\", "a\\\\b",
        "\\n", "\\", "é", " ", "a b", "a:b", "a'b",
    };

    private final SplittableRandom random;
    private final List<String> done = new ArrayList<>();
    private String text;

    MutationEngine(String text, long seed) {
        this.text = text;
        this.random = new SplittableRandom(seed);
    }

    String text() {
        return text;
    }

    /** The mutations applied so far, in order. */
    List<String> descriptions() {
        return done;
    }

    /** Applies one to eight mutations, mostly one. */
    MutationEngine mutate() {
        int roll = random.nextInt(100);
        int count = roll < 60 ? 1 : roll < 90 ? 2 + random.nextInt(2) : 4 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            mutateOnce();
        }
        return this;
    }

    private void mutateOnce() {
        if (text.isEmpty()) {
            insert();
            return;
        }
        switch (random.nextInt(14)) {
            case 0, 1 -> deleteRange();
            case 2 -> duplicateRange();
            case 3 -> swapCharacters();
            case 4, 5, 6 -> insert();
            case 7 -> moveToken();
            case 8 -> truncate();
            case 9, 10 -> replaceString();
            case 11 -> deleteLines();
            case 12 -> duplicateLines();
            default -> swapLines();
        }
    }

    private void deleteRange() {
        int at = random.nextInt(text.length());
        int length = Math.min(length(), text.length() - at);
        record("delete " + length + " char(s) " + quote(text.substring(at, at + length)), at);
        text = text.substring(0, at) + text.substring(at + length);
    }

    private void duplicateRange() {
        int at = random.nextInt(text.length());
        int length = Math.min(length(), text.length() - at);
        record("duplicate " + length + " char(s) " + quote(text.substring(at, at + length)), at);
        text = text.substring(0, at + length) + text.substring(at, at + length) + text.substring(at + length);
    }

    /** Mostly one character, sometimes a few dozen, rarely a few thousand. */
    private int length() {
        int roll = random.nextInt(100);
        return roll < 60 ? 1 : roll < 90 ? 1 + random.nextInt(40) : 1 + random.nextInt(3000);
    }

    private void swapCharacters() {
        int a = random.nextInt(text.length());
        int b = random.nextBoolean() ? Math.min(text.length() - 1, a + 1 + random.nextInt(8))
                : random.nextInt(text.length());
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        done.add("swap " + quote(text.substring(a, a + 1)) + " at " + where(a) + " with "
                + quote(text.substring(b, b + 1)) + " at " + where(b));
        char[] chars = text.toCharArray();
        char t = chars[a];
        chars[a] = chars[b];
        chars[b] = t;
        text = new String(chars);
    }

    private void insert() {
        int at = random.nextInt(text.length() + 1);
        String what = random.nextInt(10) == 0 ? String.valueOf((char) random.nextInt(0x3000))
                : INSERTS[random.nextInt(INSERTS.length)];
        record("insert " + quote(what), at);
        text = text.substring(0, at) + what + text.substring(at);
    }

    /** A quoted string or a single punctuation character, taken out and put in elsewhere. */
    private void moveToken() {
        int[] token = tokenFrom(random.nextInt(text.length()));
        if (token == null) {
            truncate();
            return;
        }
        String moved = text.substring(token[0], token[1]);
        String rest = text.substring(0, token[0]) + text.substring(token[1]);
        int to = random.nextInt(rest.length() + 1);
        record("move token " + quote(moved) + " to " + whereIn(rest, to) + " (after removal)", token[0]);
        text = rest.substring(0, to) + moved + rest.substring(to);
    }

    private void truncate() {
        int at = random.nextInt(text.length());
        record("cut the file short", at);
        text = text.substring(0, at);
    }

    private void replaceString() {
        int[] string = stringFrom(random.nextInt(text.length()));
        if (string == null) {
            insert();
            return;
        }
        String replacement;
        int roll = random.nextInt(10);
        if (roll < 6) {
            replacement = STRINGS[random.nextInt(STRINGS.length)];
        } else if (roll < 9) {
            int[] other = stringFrom(random.nextInt(text.length()));
            replacement = other == null ? "" : text.substring(other[0] + 1, other[1] - 1);
        } else {
            StringBuilder junk = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                junk.append((char) (32 + random.nextInt(95)));
            }
            replacement = junk.toString();
        }
        record("replace string " + quote(text.substring(string[0], string[1])) + " by " + quote("'" + replacement
                + "'"), string[0]);
        text = text.substring(0, string[0] + 1) + replacement + text.substring(string[1] - 1);
    }

    private void deleteLines() {
        int[] lines = lines();
        record("delete line(s) " + quote(text.substring(lines[0], lines[1])), lines[0]);
        text = text.substring(0, lines[0]) + text.substring(lines[1]);
    }

    private void duplicateLines() {
        int[] lines = lines();
        record("duplicate line(s) " + quote(text.substring(lines[0], lines[1])), lines[0]);
        text = text.substring(0, lines[1]) + text.substring(lines[0], lines[1]) + text.substring(lines[1]);
    }

    private void swapLines() {
        int[] first = lineAt(random.nextInt(text.length()));
        int[] second = lineAt(random.nextInt(text.length()));
        if (first[0] > second[0]) {
            int[] t = first;
            first = second;
            second = t;
        }
        if (first[1] > second[0]) {
            return;
        }
        done.add("swap line " + quote(text.substring(first[0], first[1])) + " at " + where(first[0])
                + " with line " + quote(text.substring(second[0], second[1])) + " at " + where(second[0]));
        text = text.substring(0, first[0]) + text.substring(second[0], second[1])
                + text.substring(first[1], second[0]) + text.substring(first[0], first[1])
                + text.substring(second[1]);
    }

    /** One line, or up to a dozen, with their line ends. */
    private int[] lines() {
        int[] first = lineAt(random.nextInt(text.length()));
        int end = first[1];
        for (int n = random.nextInt(4) == 0 ? random.nextInt(12) : 0; n > 0 && end < text.length(); n--) {
            end = lineAt(end)[1];
        }
        return new int[] {first[0], end};
    }

    private int[] lineAt(int pos) {
        int start = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        if (pos == 0) {
            start = 0;
        }
        int end = text.indexOf('\n', pos);
        return new int[] {start, end < 0 ? text.length() : end + 1};
    }

    /** The next quoted string (on one line) or punctuation character at or after pos. */
    private int[] tokenFrom(int pos) {
        for (int i = pos; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ("{}[]:,".indexOf(ch) >= 0) {
                return new int[] {i, i + 1};
            }
            if (ch == '\'') {
                int[] string = stringFrom(i);
                return string != null ? string : new int[] {i, i + 1};
            }
        }
        return null;
    }

    /** The next quoted string at or after pos: the positions of its opening quote and after its closing one. */
    private int[] stringFrom(int pos) {
        int open = text.indexOf('\'', pos);
        while (open >= 0) {
            int close = text.indexOf('\'', open + 1);
            int newline = text.indexOf('\n', open + 1);
            if (close < 0) {
                return null;
            }
            if (newline < 0 || close < newline) {
                return new int[] {open, close + 1};
            }
            open = text.indexOf('\'', newline);
        }
        return null;
    }

    private void record(String what, int at) {
        done.add(what + " at " + where(at));
    }

    private String where(int pos) {
        return whereIn(text, pos);
    }

    /** The offset with its 1-based line and column (in characters). */
    private static String whereIn(String text, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "offset " + pos + " (" + line + ":" + (pos - lineStart + 1) + ")";
    }

    /** Java-escaped and shortened, so descriptions stay on one line and readable. */
    static String quote(String s) {
        return quote(s, 60);
    }

    /** Java-escaped, at most limit characters of s. */
    static String quote(String s, int limit) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            if (i == limit) {
                out.append("...(").append(s.length()).append(" chars)");
                break;
            }
            char ch = s.charAt(i);
            switch (ch) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (ch < 32 || ch >= 127) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
