package org.qapijava.qapi.model;

/**
 * A reference to a type, as written in the schema: a name ({@code 'str'}, {@code 'ImageInfo'}) or an array
 * of a named type ({@code ['SnapshotInfo']}). {@link Schema#resolve} turns it into the type.
 */
public sealed interface TypeRef {

    /** The type's name, or for an array its element type's name. */
    String name();

    record Named(String name) implements TypeRef {
        @Override
        public String toString() {
            return name;
        }
    }

    record Array(String name) implements TypeRef {
        @Override
        public String toString() {
            return "[" + name + "]";
        }
    }
}
