package org.qapijava.qapi.model;

/** An array of a named type. */
public record ArrayType(TypeRef.Named element) implements Type {

    @Override
    public String name() {
        return "[" + element.name() + "]";
    }

    @Override
    public String jsonType() {
        return "array";
    }
}
