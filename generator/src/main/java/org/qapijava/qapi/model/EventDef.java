package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/** {@code { 'event': ..., 'data': ..., 'boxed': ... }}; data is null when the event carries none. */
public record EventDef(String name, Data data, boolean boxed, IfCond ifCond, List<Feature> features, Doc doc,
        Location location) implements Definition {

    public EventDef {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "event";
    }
}
