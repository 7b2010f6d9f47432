package org.qapijava.gen;

/**
 * Java string literals, to pass to JavaPoet as {@code $L} arguments (emitted as they are): quicker than
 * {@code $S}, which the generator would otherwise pay for on every wire name of every member.
 */
final class Literals {
    private Literals() {}

    /** The Java literal of a string, to concatenate into a format string: its {@code $} doubled. */
    static String format(String value) {
        return string(value).replace("$", "$$");
    }

    /** The Java literal of a string. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
