package org.qapijava.qapi.diag;

import java.util.List;
import org.qapijava.qapi.source.Location;

/**
 * One problem found in a schema.
 *
 * @param location where it is, or null for problems that belong to no place (an unreadable entry file)
 * @param message  what is wrong, one line
 */
public record Diagnostic(Location location, String message) {

    /** The message is kept to one line: control characters and line separators in it are escaped. */
    public Diagnostic {
        message = oneLine(message);
    }

    private static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int type = Character.getType(ch);
            boolean breaks = type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (breaks && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(breaks ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The problem the way compilers print it: the include chain, if any, then {@code file:line:col: message}.
     */
    public String format() {
        if (location == null) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        List<Location> chain = location.file().includeChain();
        for (int i = 0; i < chain.size(); i++) {
            Location at = chain.get(i);
            out.append(i == 0 ? "In file included from " : "                 from ")
                    .append(at.file().path()).append(':').append(at.line())
                    .append(i == chain.size() - 1 ? ":\n" : ",\n");
        }
        return out.append(location).append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
