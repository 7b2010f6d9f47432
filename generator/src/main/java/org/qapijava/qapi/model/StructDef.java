package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/**
 * {@code { 'struct': ..., 'base': ..., 'data': {...} }}. {@link #members} are its own members only;
 * {@link Schema#allMembers} adds the base chain's, in wire order. base is null when there is none.
 */
public record StructDef(String name, String base, List<Member> members, IfCond ifCond, List<Feature> features,
        Doc doc, Location location) implements Definition, Type {

    public StructDef {
        members = List.copyOf(members);
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "struct";
    }

    @Override
    public String jsonType() {
        return "object";
    }
}
