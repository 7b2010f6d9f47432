package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.source.Location;

/** A member of a struct, of a union's base, or of a command's or event's arguments. */
public record Member(String name, TypeRef type, boolean optional, IfCond ifCond, List<Feature> features,
        Location location) {

    public Member {
        features = List.copyOf(features);
    }

    /** Consistent with the record's equals, and cheap: members are map keys throughout the generator. */
    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + location.line()) * 31 + location.column();
    }
}
