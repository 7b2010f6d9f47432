package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The codec methods of a record made from schema members: {@code decode(WireReader)},
 * {@code decodeMembers(WireReader)} (for a union branch, whose discriminator the union already read), and
 * {@code encode(WireWriter, value)}. Members are matched by wire name; what the type does not know goes to
 * the reader's policy; required members are checked after the object is read.
 */
final class RecordCodec {
    private final ClassName name;
    private final String typeName;
    private final List<Component> components;
    private final boolean unknownFields;
    private final Codecs codecs;

    RecordCodec(ClassName name, String typeName, List<Component> components, boolean unknownFields, Codecs codecs) {
        this.name = name;
        this.typeName = typeName;
        this.components = components;
        this.unknownFields = unknownFields;
        this.codecs = codecs;
    }

    /** {@code decode} reads a whole object; {@code decodeMembers} the rest of one already begun. */
    List<MethodSpec> decoders() {
        MethodSpec decode = MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name).addParameter(Codecs.READER, "in")
                .addJavadoc("Reads a {@code $L} object.\n", typeName)
                .addStatement("in.beginObject()")
                .addStatement("return decodeMembers(in)")
                .build();
        return List.of(decode, decodeMembers(List.of()));
    }

    /**
     * The members loop. extra are values the caller passes in for components that are not members (an
     * event's timestamp), as parameters of decodeMembers.
     */
    MethodSpec decodeMembers(List<Component> extra) {
        if (extra.isEmpty() && RecordWriter.hasBuilder(components)) {
            return decodeIntoBuilder();
        }
        NameScope locals = NameScope.members().reserve("in", "member");
        extra.forEach(c -> locals.reserve(c.name()));
        MethodSpec.Builder method = MethodSpec.methodBuilder("decodeMembers").addModifiers(Modifier.STATIC)
                .returns(name).addParameter(Codecs.READER, "in");
        extra.forEach(c -> method.addParameter(c.type(), c.name()));
        Map<Component, String> variables = new LinkedHashMap<>();
        Map<Component, String> seen = new LinkedHashMap<>();
        for (Component component : members()) {
            String variable = locals.claim(component.name());
            variables.put(component, variable);
            TypeName type = component.type();
            if (component.optional()) {
                method.addStatement("$T $L = $T.empty()", type, variable, Optional.class);
            } else if (type.isPrimitive()) {
                method.addStatement("$T $L = $L", type, variable, type.equals(TypeName.BOOLEAN) ? "false" : "0");
                String has = locals.claim("has" + Character.toUpperCase(component.name().charAt(0))
                        + component.name().substring(1));
                seen.put(component, has);
                method.addStatement("boolean $L = false", has);
            } else {
                method.addStatement("$T $L = null", type, variable);
            }
        }
        method.beginControlFlow("for ($T member = in.nextMember(); member != null; member = in.nextMember())",
                String.class);
        method.beginControlFlow("switch (member)");
        for (Component component : members()) {
            CodeBlock read = codecs.read(component.member().type());
            String variable = variables.get(component);
            if (component.optional()) {
                method.addStatement("case $L -> $L = $T.of($L)", Literals.string(component.wireName()), variable, Optional.class, read);
            } else if (seen.containsKey(component)) {
                method.addCode("case $L -> {\n$>$L = $L;\n$L = true;\n$<}\n", Literals.string(component.wireName()), variable, read,
                        seen.get(component));
            } else {
                method.addStatement("case $L -> $L = $L", Literals.string(component.wireName()), variable, read);
            }
        }
        method.addStatement("default -> in.unknownMember(member, $L)", Literals.string(typeName));
        method.endControlFlow().endControlFlow();
        List<String> arguments = new ArrayList<>();
        for (Component component : components) {
            if (component.member() == null) {
                arguments.add(component.name());
                continue;
            }
            String variable = variables.get(component);
            if (!component.optional()) {
                String check = seen.containsKey(component) ? "!" + seen.get(component) : variable + " == null";
                method.beginControlFlow("if ($L)", check)
                        .addStatement("throw in.missing($L, $L)", Literals.string(component.wireName()), Literals.string(typeName))
                        .endControlFlow();
            }
            arguments.add(variable);
        }
        if (unknownFields) {
            arguments.add("in.endObject()");
        } else {
            method.addStatement("in.endObject()");
        }
        return method.addStatement("return new $T($L)", name, String.join(", ", arguments)).build();
    }

    /**
     * The members loop of a record with a builder: each member read goes straight into the builder's field
     * (a required primitive's boxed field stays null until it is read), so there is no row of locals.
     */
    private MethodSpec decodeIntoBuilder() {
        ClassName builder = RecordWriter.builderName(name);
        MethodSpec.Builder method = MethodSpec.methodBuilder("decodeMembers").addModifiers(Modifier.STATIC)
                .returns(name).addParameter(Codecs.READER, "in")
                .addStatement("$T builder = new $T()", builder, builder);
        method.beginControlFlow("for ($T member = in.nextMember(); member != null; member = in.nextMember())",
                String.class);
        method.beginControlFlow("switch (member)");
        for (Component component : members()) {
            CodeBlock read = codecs.read(component.member().type());
            String label = "case " + Literals.format(component.wireName()) + " -> builder." + component.name();
            if (component.optional()) {
                method.addStatement(label + " = $T.of($L)", Optional.class, read);
            } else {
                method.addStatement(label + " = $L", read);
            }
        }
        method.addStatement("default -> in.unknownMember(member, $L)", Literals.string(typeName));
        method.endControlFlow().endControlFlow();
        for (Component component : members()) {
            if (!component.optional()) {
                method.addStatement("in.required(builder." + component.name() + ", "
                        + Literals.format(component.wireName()) + ", " + Literals.format(typeName) + ")");
            }
        }
        if (unknownFields) {
            method.addStatement("builder.$L = in.endObject()", Naming.UNKNOWN_FIELDS);
        } else {
            method.addStatement("in.endObject()");
        }
        return method.addStatement("return builder.build()").build();
    }

    /**
     * {@code encode} (the whole object) and {@code encodeMembers} (into an object already begun): the
     * discriminator first when it is a union branch (discriminatorValue null: the kept string of an unknown
     * branch), then present members in wire order; {@code encode} then adds what the object kept aside.
     */
    List<MethodSpec> encoders(String discriminator, String discriminatorValue) {
        MethodSpec encode = MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Codecs.WRITER, "out").addParameter(name, "value")
                .addJavadoc("Writes a {@code $L} object.\n", typeName)
                .addStatement("out.beginObject($L)", unknownFields ? CodeBlock.of("value.unknownFields()")
                        : CodeBlock.of("$T.NONE", JavaTypes.UNKNOWN_FIELDS))
                .addStatement("encodeMembers(out, value)")
                .addStatement("out.endObject()")
                .build();
        MethodSpec.Builder members = MethodSpec.methodBuilder("encodeMembers").addModifiers(Modifier.STATIC)
                .addParameter(Codecs.WRITER, "out").addParameter(name, "value");
        if (discriminator != null) {
            members.addStatement("out.writeDiscriminator($L, $L)", Literals.string(discriminator),
                    discriminatorValue == null ? "null" : Literals.string(discriminatorValue));
        }
        for (Component component : members()) {
            String wireName = Literals.format(component.wireName());
            if (component.optional()) {
                members.addStatement("out.writeOptional(" + wireName + ", value." + component.name() + "(), $L)",
                        codecs.encoder(component.member().type()));
            } else {
                members.addStatement("out.name(" + wireName + ")")
                        .addStatement(codecs.write(component.member().type(), CodeBlock.of("value." + component.name() + "()")));
            }
        }
        return List.of(encode, members.build());
    }

    private List<Component> members() {
        return components.stream().filter(c -> c.member() != null).toList();
    }
}
