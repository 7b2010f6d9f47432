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
