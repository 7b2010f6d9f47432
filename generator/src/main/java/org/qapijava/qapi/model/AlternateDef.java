package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/** {@code { 'alternate': ..., 'data': {...} }}: a value of one of several types, told apart by its JSON type. */
public record AlternateDef(String name, List<Branch> branches, IfCond ifCond, List<Feature> features, Doc doc,
        Location location) implements Definition, Type {

    public AlternateDef {
        branches = List.copyOf(branches);
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "alternate";
    }

    @Override
    public String jsonType() {
        return "value";
    }
}
