package org.qapijava.runtime.wire;

/** How a decode treats what this version of the API does not know. */
public enum DecodePolicy {
    /** Unknown members, enum values and union branches are errors, each naming its JSON path. */
    STRICT,
    /**
     * QMP's compatibility rules, which every release relies on: unknown members are kept aside (retrievable
     * from the object's {@code unknownFields}), unknown enum values and union branches are carried through
     * with their wire strings. A missing required member or a wrong JSON type is still an error.
     */
    LENIENT
}
