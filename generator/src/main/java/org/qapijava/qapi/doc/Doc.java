package org.qapijava.qapi.doc;

import java.util.List;
import java.util.Optional;
import org.qapijava.qapi.source.Location;

/**
 * A documentation comment ({@code ##} ... {@code ##}).
 *
 * @param symbol   the definition it documents (its first line {@code # @Name:}), or null for free-form
 *                 documentation such as section headings
 * @param body     the overview text before the first member or section
 * @param members  the member, argument, branch and enum value descriptions ({@code # @name: text})
 * @param features the feature descriptions, after a {@code Features:} line
 * @param sections tagged sections and untagged paragraphs after the members, in order
 * @param location the comment's opening {@code ##}
 */
public record Doc(String symbol, String body, List<DocSection> members, List<DocSection> features,
        List<DocSection> sections, Location location) {

    public Doc {
        members = List.copyOf(members);
        features = List.copyOf(features);
        sections = List.copyOf(sections);
    }

    public Optional<DocSection> member(String name) {
        return find(members, name);
    }

    public Optional<DocSection> feature(String name) {
        return find(features, name);
    }

    /** The first section with this tag, such as {@code "Since"} or {@code "Returns"}. */
    public Optional<DocSection> section(String tag) {
        return find(sections, tag);
    }

    public Optional<String> since() {
        return section("Since").map(DocSection::text);
    }

    private static Optional<DocSection> find(List<DocSection> sections, String name) {
        for (DocSection section : sections) {
            if (name.equals(section.name())) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
