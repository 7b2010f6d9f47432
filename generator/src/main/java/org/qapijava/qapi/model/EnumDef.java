package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/** {@code { 'enum': ..., 'data': [...], 'prefix': ... }}; prefix is null when not given. */
public record EnumDef(String name, List<EnumValue> values, String prefix, IfCond ifCond, List<Feature> features,
        Doc doc, Location location) implements Definition, Type {

    public EnumDef {
        values = List.copyOf(values);
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "enum";
    }

    @Override
    public String jsonType() {
        return "string";
    }
}
