package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.source.Location;

/** One value of an enum, as it appears on the wire. */
public record EnumValue(String name, IfCond ifCond, List<Feature> features, Location location) {

    public EnumValue {
        features = List.copyOf(features);
    }
}
