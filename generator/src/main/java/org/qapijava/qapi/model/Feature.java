package org.qapijava.qapi.model;

import org.qapijava.qapi.source.Location;

/** A feature flag on a definition, member or enum value; {@code deprecated} and {@code unstable} are special. */
public record Feature(String name, IfCond ifCond, Location location) {

    public static final String DEPRECATED = "deprecated";
    public static final String UNSTABLE = "unstable";

    public boolean isDeprecated() {
        return DEPRECATED.equals(name);
    }

    public boolean isUnstable() {
        return UNSTABLE.equals(name);
    }

    /** Whether QEMU gives this feature a meaning of its own. */
    public boolean isSpecial() {
        return isDeprecated() || isUnstable();
    }
}
