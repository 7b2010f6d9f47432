package org.qapijava.qapi.model;

/** What a {@link TypeRef} resolves to. */
public sealed interface Type permits BuiltinType, ArrayType, EnumDef, StructDef, UnionDef, AlternateDef {

    /** The type's name as the schema writes it. */
    String name();

    /** The JSON type of its values: string, number, int, boolean, null, object, array, or value (any). */
    String jsonType();
}
