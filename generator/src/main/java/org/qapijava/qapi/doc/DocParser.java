package org.qapijava.qapi.doc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.source.Location;

/**
 * Splits the lines of a documentation comment into body, member and feature descriptions, and sections.
 *
 * <p>It is tolerant of layout: the doc-comment style rules that QEMU tightens from release to release
 * (indentation, section order, blank lines) are not errors. What is structural is checked: a member or
 * feature described twice is an error here; descriptions of members that do not exist, and comments for the
 * wrong definition, are errors found when the comment is connected to its definition.
 */
public final class DocParser {
    private static final Pattern SYMBOL = Pattern.compile("@([^\\s:]+):\\s*(.*)");
    private static final Pattern DESCRIPTION = Pattern.compile("@([^\\s:]*):(?:\\s+(.*)|\\s*)");
    private static final Pattern TAG = Pattern.compile(
            "(Returns|Errors|Since|TODO|Notes?|Examples?):(?:\\s+(.*)|\\s*)");

    private enum Mode { BODY, MEMBERS, FEATURES, SECTIONS }

    private final List<String> lines;
    private final List<Location> places;
    private final List<Builder> members = new ArrayList<>();
    private final List<Builder> features = new ArrayList<>();
    private final List<Builder> sections = new ArrayList<>();
    private final Set<String> memberNames = new HashSet<>();
    private final Set<String> featureNames = new HashSet<>();
    private Mode mode = Mode.BODY;
    private Builder current;
    private Builder body;

    private DocParser(List<String> lines, List<Location> places) {
        this.lines = lines;
        this.places = places;
    }

    /**
     * @param rawLines the comment lines between the opening and closing {@code ##}, each starting with '#'
     * @param places   where each line starts
     * @param opening  the opening {@code ##}
     */
    public static Doc parse(List<String> rawLines, List<Location> places, Location opening) {
        return new DocParser(rawLines, places).parse(opening);
    }

    private Doc parse(Location opening) {
        int first = 0;
        while (first < lines.size() && text(first).isBlank()) {
            first++;
        }
        String symbol = null;
        body = new Builder(null, opening);
        current = body;
        if (first < lines.size()) {
            Matcher m = SYMBOL.matcher(text(first));
            if (m.matches()) {
                symbol = m.group(1);
                body.add(m.group(2));
                first++;
            }
        }
        for (int i = first; i < lines.size(); i++) {
            if (symbol == null) {
                body.add(text(i));
            } else {
                definitionLine(text(i), places.get(i));
            }
        }
        return new Doc(symbol, body.text(), build(members), build(features), build(sections), opening);
    }

    /** A line's text after '#' and one space. */
    private String text(int i) {
        String line = lines.get(i);
        return line.startsWith("# ") ? line.substring(2) : line.substring(1);
    }

    private void definitionLine(String line, Location at) {
        Matcher description = line.startsWith("@") ? DESCRIPTION.matcher(line) : null; // most lines are text
        if (description != null && description.matches()) {
            String name = description.group(1);
            if (name.isEmpty()) {
                throw new SchemaError(at, "name required after '@'");
            }
            boolean feature = mode == Mode.FEATURES;
            if (!(feature ? featureNames : memberNames).add(name)) {
                throw new SchemaError(at, (feature ? "feature '" : "member '") + name + "' is described twice");
            }
            if (!feature) {
                mode = Mode.MEMBERS;
            }
            start(new Builder(name, at), feature ? features : members).add(description.group(2));
            return;
        }
        if (line.strip().equals("Features:") && !line.startsWith(" ")) {
            mode = Mode.FEATURES;
            return;
        }
        Matcher tag = !line.isEmpty() && "RESTN".indexOf(line.charAt(0)) >= 0 ? TAG.matcher(line) : null;
        if (tag != null && tag.matches()) {
            mode = Mode.SECTIONS;
            start(new Builder(tag.group(1), at), sections).add(tag.group(2));
            return;
        }
        // An unindented paragraph ends a description or tagged section and starts an untagged one;
        // examples run on to the next tag, since their code is often unindented.
        boolean paragraphEnds = current != body && current.endsWithBlank() && !line.isBlank()
                && !Character.isWhitespace(line.charAt(0));
        boolean runsOn = mode == Mode.SECTIONS && (current.name == null || current.name.startsWith("Example"));
        if (paragraphEnds && !runsOn) {
            mode = Mode.SECTIONS;
            start(new Builder(null, at), sections);
        }
        current.add(line);
    }

    private Builder start(Builder builder, List<Builder> into) {
        current = builder;
        into.add(builder);
        return builder;
    }

    private static List<DocSection> build(List<Builder> builders) {
        List<DocSection> built = new ArrayList<>(builders.size());
        for (Builder builder : builders) {
            built.add(new DocSection(builder.name, builder.text(), builder.location));
        }
        return built;
    }

    /** Collects a section's lines. */
    private static final class Builder {
        private final String name;
        private final Location location;
        private final List<String> lines = new ArrayList<>();

        Builder(String name, Location location) {
            this.name = name;
            this.location = location;
        }

        void add(String line) {
            lines.add(line == null ? "" : line);
        }

        boolean endsWithBlank() {
            return !lines.isEmpty() && lines.get(lines.size() - 1).isBlank();
        }

        /** The lines joined, the continuation lines' common indentation removed, blank ends trimmed. */
        String text() {
            int indent = Integer.MAX_VALUE;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.isBlank()) {
                    indent = Math.min(indent, line.length() - line.stripLeading().length());
                }
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i > 0) {
                    out.append('\n');
                    line = line.isBlank() ? "" : line.substring(indent);
                }
                out.append(line.stripTrailing());
            }
            return out.toString().strip();
        }
    }
}
