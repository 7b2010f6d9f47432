package org.qapijava.qapi.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A type every schema has without defining it.
 *
 * @param name     the schema's name for it
 * @param jsonType the JSON type of its values
 */
public record BuiltinType(String name, String jsonType) implements Type {
    public static final BuiltinType STR = new BuiltinType("str", "string");
    public static final BuiltinType NUMBER = new BuiltinType("number", "number");
    public static final BuiltinType INT = new BuiltinType("int", "int");
    public static final BuiltinType INT8 = new BuiltinType("int8", "int");
    public static final BuiltinType INT16 = new BuiltinType("int16", "int");
    public static final BuiltinType INT32 = new BuiltinType("int32", "int");
    public static final BuiltinType INT64 = new BuiltinType("int64", "int");
    public static final BuiltinType UINT8 = new BuiltinType("uint8", "int");
    public static final BuiltinType UINT16 = new BuiltinType("uint16", "int");
    public static final BuiltinType UINT32 = new BuiltinType("uint32", "int");
    public static final BuiltinType UINT64 = new BuiltinType("uint64", "int");
    public static final BuiltinType SIZE = new BuiltinType("size", "int");
    public static final BuiltinType BOOL = new BuiltinType("bool", "boolean");
    public static final BuiltinType NULL = new BuiltinType("null", "null");
    public static final BuiltinType ANY = new BuiltinType("any", "value");
    /** The predefined enum of JSON value kinds, with {@link #QTYPE_VALUES}. */
    public static final BuiltinType QTYPE = new BuiltinType("QType", "string");

    /** The values of {@link #QTYPE}. */
    public static final List<String> QTYPE_VALUES =
            List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool");

    public static final List<BuiltinType> ALL = List.of(STR, NUMBER, INT, INT8, INT16, INT32, INT64,
            UINT8, UINT16, UINT32, UINT64, SIZE, BOOL, NULL, ANY, QTYPE);

    private static final Map<String, BuiltinType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(BuiltinType::name, Function.identity()));

    /** The built-in type with this name, or null. */
    public static BuiltinType byName(String name) {
        return BY_NAME.get(name);
    }
}
