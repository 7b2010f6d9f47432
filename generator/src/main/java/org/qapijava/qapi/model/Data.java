package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.source.Location;

/** The members of a command's or event's arguments, or of a union's base: a named type, or written inline. */
public sealed interface Data {

    /** {@code 'data': 'TypeName'}. */
    record TypeName(String name, Location location) implements Data {}

    /** {@code 'data': { 'member': 'type', ... }}: an implicit type that is not an entity of its own. */
    record Inline(List<Member> members) implements Data {
        public Inline {
            members = List.copyOf(members);
        }
    }
}
