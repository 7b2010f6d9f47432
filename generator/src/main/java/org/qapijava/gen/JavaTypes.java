package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qapijava.qapi.model.BuiltinType;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.TypeRef;

/**
 * The Java type of each schema type. Required members use primitives where they can; optional members are
 * {@code Optional<T>}, so absence is in the type, and JSON null (the {@code null} type, or an alternate's null
 * branch) is a value of its own, distinct from absence.
 *
 * <p>Integers: {@code int8} to {@code int32}, {@code uint8} and {@code uint16} are {@code int}; {@code int},
 * {@code int64}, {@code uint32}, {@code uint64} and {@code size} are {@code long}, the unsigned 64-bit ones
 * holding the unsigned value's bits (read them with {@link Long#toUnsignedString(long)}).
 */
final class JavaTypes {
    static final ClassName JSON_VALUE = ClassName.get("org.qapijava.runtime.json", "JsonValue");
    static final ClassName JSON_OBJECT = JSON_VALUE.nestedClass("JsonObject");
    static final ClassName QNULL = ClassName.get("org.qapijava.runtime", "QNull");
    static final ClassName QTYPE = ClassName.get("org.qapijava.runtime", "QType");
    static final ClassName UNKNOWN_FIELDS = ClassName.get("org.qapijava.runtime", "UnknownFields");
    static final ClassName STRING = ClassName.get(String.class);

    private static final Map<String, TypeName> BUILTINS = Map.ofEntries(
            Map.entry("str", STRING),
            Map.entry("number", TypeName.DOUBLE),
            Map.entry("int", TypeName.LONG),
            Map.entry("int8", TypeName.INT),
            Map.entry("int16", TypeName.INT),
            Map.entry("int32", TypeName.INT),
            Map.entry("int64", TypeName.LONG),
            Map.entry("uint8", TypeName.INT),
            Map.entry("uint16", TypeName.INT),
            Map.entry("uint32", TypeName.LONG),
            Map.entry("uint64", TypeName.LONG),
            Map.entry("size", TypeName.LONG),
            Map.entry("bool", TypeName.BOOLEAN),
            Map.entry("null", QNULL),
            Map.entry("any", JSON_VALUE),
            Map.entry("QType", QTYPE));

    private final Naming naming;

    JavaTypes(Naming naming) {
        this.naming = naming;
    }

    /** The type of a required member, or of a command's result. */
    TypeName required(TypeRef ref) {
        if (ref instanceof TypeRef.Array) {
            return ParameterizedTypeName.get(ClassName.get(List.class), named(ref.name()).box());
        }
        return named(ref.name());
    }

    TypeName member(TypeRef ref, boolean optional) {
        return optional ? optional(ref) : required(ref);
    }

    /** Components for members, in wire order, named by {@link Naming#components}. */
    List<Component> components(List<Member> members, String... reserved) {
        List<Component> components = new ArrayList<>();
        Naming.components(members, reserved).forEach((member, name) ->
                components.add(new Component(name, member(member.type(), member.optional()), member)));
        return components;
    }

    TypeName optional(TypeRef ref) {
        return ParameterizedTypeName.get(ClassName.get(Optional.class), required(ref).box());
    }

    private TypeName named(String name) {
        if (BuiltinType.byName(name) != null) {
            return BUILTINS.get(name);
        }
        return naming.type(name);
    }
}
