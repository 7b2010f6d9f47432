package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.source.Location;

/** A member of a struct, of a union's base, or of a command's or event's arguments. */
public record Member(String name, TypeRef type, boolean optional, IfCond ifCond, List<Feature> features,
        Location location) {

    public Member {
        features = List.copyOf(features);
    }

    // members are map keys throughout the generator: hash and compare cheaply (the same member is most often
    // the same object), with the record's meaning

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + location.line()) * 31 + location.column();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Member that && name.equals(that.name) && optional == that.optional
                && location.equals(that.location) && type.equals(that.type) && ifCond.equals(that.ifCond)
                && features.equals(that.features);
    }
}
