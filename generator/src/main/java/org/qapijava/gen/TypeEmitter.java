package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.model.AlternateDef;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.BuiltinType;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.TypeRef;
import org.qapijava.qapi.model.UnionDef;

/** Emits the Java of the schema's types: enums, struct records and their {@code Fields}, unions, alternates. */
final class TypeEmitter {
    private final Schema schema;
    private final Naming naming;
    private final JavaTypes types;
    private final Codecs codecs;

    TypeEmitter(Naming naming, JavaTypes types) {
        this.schema = naming.schema();
        this.naming = naming;
        this.types = types;
        this.codecs = new Codecs(naming);
    }

    TypeSpec.Builder enumType(EnumDef enumDef) {
        ClassName name = naming.type(enumDef.name());
        TypeSpec.Builder spec = TypeSpec.enumBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc(Javadocs.definition(enumDef.doc(), "enum", enumDef.name(), enumDef.ifCond(),
                        enumDef.features(), null))
                .addAnnotation(Metadata.wireName(enumDef.name()))
                .addAnnotations(Metadata.of(enumDef.ifCond(), enumDef.features()));
        for (EnumValue value : enumDef.values()) {
            StringBuilder doc = new StringBuilder(Javadocs.memberText(enumDef.doc(), value.name())).append('\n');
            Javadocs.condition(doc, value.ifCond());
            Javadocs.deprecation(doc, enumDef.doc(), value.features());
            spec.addEnumConstant(naming.constant(enumDef.name(), value.name()),
                    TypeSpec.anonymousClassBuilder("$L", Literals.string(value.name()))
                            .addJavadoc(Javadocs.of(doc))
                            .addAnnotation(Metadata.wireName(value.name()))
                            .addAnnotations(Metadata.of(value.ifCond(), value.features()))
                            .build());
        }
        String unrecognized = naming.constant(enumDef.name(), null);
        spec.addEnumConstant(unrecognized, TypeSpec.anonymousClassBuilder("null")
                .addJavadoc("A value this version of the API does not know, which a newer QEMU sent; a lenient decode\n"
                        + "keeps the wire string in the containing object's {@code unknownFields}.\n")
                .build());
        spec.addField(FieldSpec.builder(String.class, "wireName", Modifier.PRIVATE, Modifier.FINAL).build());
        spec.addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "wireName")
                .addStatement("this.wireName = wireName").build());
        spec.addMethod(MethodSpec.methodBuilder("wireName").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("The value on the wire; null for {@link #$L}.\n", unrecognized)
                .addStatement("return wireName").build());
        MethodSpec.Builder from = MethodSpec.methodBuilder("fromWireName")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name).addParameter(String.class, "wireName")
                .addJavadoc("The constant of a wire value, or {@link #$L} for a value this version does not know.\n",
                        unrecognized)
                .beginControlFlow("switch (wireName)");
        for (EnumValue value : enumDef.values()) {
            from.addStatement("case $L: return $L", Literals.string(value.name()), naming.constant(enumDef.name(), value.name()));
        }
        from.addStatement("default: return $L", unrecognized).endControlFlow();
        spec.addMethod(from.build());
        spec.addMethod(MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                .addParameter(Codecs.READER, "in")
                .addJavadoc("Reads a value; one this version does not know is the reader's policy's to judge.\n")
                .addStatement("$T wire = in.readString()", String.class)
                .addStatement("$T value = fromWireName(wire)", name)
                .beginControlFlow("if (value == $L)", unrecognized)
                .addStatement("in.unknownEnumValue(wire, $L)", Literals.string(enumDef.name()))
                .endControlFlow()
                .addStatement("return value").build());
        spec.addMethod(MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Codecs.WRITER, "out").addParameter(name, "value")
                .addStatement("out.writeEnum(value.wireName())").build());
        return spec;
    }

    /** The struct's record; its own and its bases' members as components, in wire order. */
    TypeSpec.Builder struct(StructDef struct) {
        ClassName name = naming.type(struct.name());
        List<Component> components = components(schema.allMembers(struct), null, naming.reserved(struct.name()));
        TypeSpec.Builder spec = new RecordWriter(name, struct.name(), components, true).write()
                .addJavadoc(Javadocs.definition(struct.doc(), "struct", struct.name(), struct.ifCond(),
                        struct.features(), RecordWriter.params(components, member -> declaringDoc(struct, member), true)))
                .addAnnotation(Metadata.wireName(struct.name()))
                .addAnnotations(Metadata.of(struct.ifCond(), struct.features()));
        RecordCodec codec = new RecordCodec(name, struct.name(), components, true, codecs);
        spec.addMethods(codec.decoders()).addMethods(codec.encoders(null, null));
        ClassName fields = naming.fields(struct.name());
        if (fields != null) {
            spec.addSuperinterface(fields);
        } else if (struct.base() != null) {
            spec.addSuperinterface(naming.fields(struct.base()));
        }
        return spec;
    }

    /** The interface of a struct that is a base or a branch type: accessors of its own members. */
    TypeSpec.Builder fields(StructDef struct) {
        ClassName name = naming.fields(struct.name());
        TypeSpec.Builder spec = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The members of {@link $T}, which the records that contain them all implement.\n",
                        naming.type(struct.name()));
        if (struct.base() != null) {
            spec.addSuperinterface(naming.fields(struct.base()));
        }
        Map<Member, String> names = Naming.components(schema.allMembers(struct), naming.reserved(struct.name()));
        for (Member member : struct.members()) {
            spec.addMethod(accessor(member, names.get(member), struct.doc()));
        }
        return spec;
    }

    private MethodSpec accessor(Member member, String name, Doc doc) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(types.member(member.type(), member.optional()))
                .addJavadoc(Javadocs.of("@return " + Javadocs.memberText(doc, member) + "\n"))
                .addAnnotation(Metadata.wireName(member.name()))
                .addAnnotations(Metadata.of(member.ifCond(), member.features()))
                .build();
    }

    TypeSpec.Builder union(UnionDef union) {
        return union.isSimple() ? simpleUnion(union) : flatUnion(union);
    }

    private TypeSpec.Builder flatUnion(UnionDef union) {
        ClassName name = naming.type(union.name());
        List<Member> baseMembers = schema.members(union.base());
        Map<Member, String> baseNames = Naming.components(baseMembers, Naming.RECORD_RESERVED);
        Member tag = baseMembers.stream().filter(m -> m.name().equals(union.discriminator())).findFirst().orElseThrow();
        ClassName tagEnum = (ClassName) types.required(tag.type());
        String enumName = schema.branchEnum(union).name();
        TypeSpec.Builder spec = sealedInterface(union.name(), name, union.doc(), union);
        if (union.base() instanceof Data.TypeName named) {
            spec.addSuperinterface(naming.fields(named.name()));
        } else {
            for (Member member : baseMembers) {
                spec.addMethod(accessor(member, baseNames.get(member), union.doc()));
            }
        }
        List<Member> withoutTag = baseMembers.stream().filter(m -> m != tag).toList();
        for (Branch branch : schema.allBranches(union)) {
            ClassName branchName = name.nestedClass(naming.branch(union.name(), branch.name()));
            List<Component> components;
            ClassName branchFields = null;
            if (branch.type() == null) {
                components = components(baseMembers, withoutTag);
            } else if (schema.resolve(branch.type()) instanceof StructDef struct) {
                // the base's members keep the union's names; the struct's, the names its Fields use
                components = components(baseMembers, withoutTag);
                components.addAll(components(schema.allMembers(struct), null, naming.reserved(struct.name())));
                branchFields = naming.fields(struct.name());
            } else {
                // a union as a branch (QEMU 9.1 and later): its members sit beside the base's on the wire
                components = components(baseMembers, withoutTag);
                NameScope scope = NameScope.members().reserve(Naming.RECORD_RESERVED);
                components.forEach(c -> scope.reserve(c.name()));
                components.add(new Component(scope.claim("value"), types.required(branch.type()), null));
            }
            TypeSpec.Builder record = new RecordWriter(branchName, union.name() + " branch " + branch.name(),
                    components, true).write()
                    .addJavadoc("The branch of {@link $T} where {@code $L} is {@code $L}.\n", name, tag.name(), branch.name())
                    .addJavadoc(Javadocs.of(RecordWriter.params(components, member -> unionMemberDoc(union, branch, member), true)))
                    .addSuperinterface(name)
                    .addAnnotations(Metadata.of(branch.ifCond(), List.of()));
            if (branchFields != null) {
                record.addSuperinterface(branchFields);
            }
            if (branch.type() != null && schema.resolve(branch.type()) instanceof UnionDef nested) {
                addNestedUnionCodec(record, branchName, union, tag, branch, withoutTag, components, nested);
            } else {
                RecordCodec codec = new RecordCodec(branchName, union.name(), components, true, codecs);
                record.addMethod(codec.decodeMembers(List.of()))
                        .addMethods(codec.encoders(tag.name(), branch.name()));
            }
            record.addMethod(MethodSpec.methodBuilder(baseNames.get(tag)).addModifiers(Modifier.PUBLIC)
                    .addAnnotation(Override.class).returns(tagEnum)
                    .addStatement("return $T.$L", tagEnum, naming.constant(enumName, branch.name())).build());
            spec.addType(record.addModifiers(Modifier.STATIC).build());
        }
        ClassName unknown = name.nestedClass(naming.unknownBranch(union.name()));
        List<Component> unknownComponents = components(baseMembers, withoutTag);
        RecordCodec unknownCodec = new RecordCodec(unknown, union.name(), unknownComponents, true, codecs);
        spec.addType(new RecordWriter(unknown, union.name() + " unknown branch", unknownComponents, true).write()
                .addMethod(unknownCodec.decodeMembers(List.of()))
                .addMethods(unknownCodec.encoders(tag.name(), null))
                .addJavadoc("A branch this version of the API does not know, which a newer QEMU sent: the lenient decode\n"
                        + "keeps its {@code $L} and its other members in {@code unknownFields}.\n", tag.name())
                .addJavadoc(Javadocs.of(RecordWriter.params(unknownComponents, member -> unionMemberDoc(union, null, member), true)))
                .addSuperinterface(name)
                .addMethod(MethodSpec.methodBuilder(baseNames.get(tag)).addModifiers(Modifier.PUBLIC)
                        .addAnnotation(Override.class).returns(tagEnum)
                        .addStatement("return $T.$L", tagEnum, naming.constant(enumName, null)).build())
                .addModifiers(Modifier.STATIC)
                .build());
        addUnionCodec(spec, name, union.name(), tag.name(), schema.allBranches(union));
        return spec;
    }

    private TypeSpec.Builder simpleUnion(UnionDef union) {
        ClassName name = naming.type(union.name());
        ClassName kind = naming.type(union.implicitEnumName());
        TypeSpec.Builder spec = sealedInterface(union.name(), name, union.doc(), union)
                .addMethod(MethodSpec.methodBuilder("type").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(kind).addJavadoc("@return which branch this is\n").build());
        for (Branch branch : union.branches()) {
            ClassName branchName = name.nestedClass(naming.branch(union.name(), branch.name()));
            Member data = new Member("data", branch.type(), false, branch.ifCond(), List.of(), branch.location());
            List<Component> components = List.of(new Component("data", types.required(branch.type()), data));
            RecordCodec codec = new RecordCodec(branchName, union.name(), components, true, codecs);
            spec.addType(new RecordWriter(branchName, union.name() + " branch " + branch.name(), components, true).write()
                    .addMethod(codec.decodeMembers(List.of()))
                    .addMethods(codec.encoders("type", branch.name()))
                    .addJavadoc("The branch {@code $L} of {@link $T}: on the wire {@code {\"type\": \"$L\", \"data\": ...}}.\n",
                            branch.name(), name, branch.name())
                    .addJavadoc("@param data $L\n", Javadocs.memberText(union.doc(), branch.name()))
                    .addJavadoc("@param unknownFields what a lenient decode found that this version does not know\n")
                    .addSuperinterface(name)
                    .addAnnotations(Metadata.of(branch.ifCond(), List.of()))
                    .addMethod(MethodSpec.methodBuilder("type").addModifiers(Modifier.PUBLIC).addAnnotation(Override.class)
                            .returns(kind).addStatement("return $T.$L", kind,
                                    naming.constant(union.implicitEnumName(), branch.name())).build())
                    .addModifiers(Modifier.STATIC)
                    .build());
        }
        ClassName unknown = name.nestedClass(naming.unknownBranch(union.name()));
        RecordCodec unknownCodec = new RecordCodec(unknown, union.name(), List.of(), true, codecs);
        spec.addType(new RecordWriter(unknown, union.name() + " unknown branch", List.of(), true).write()
                .addMethod(unknownCodec.decodeMembers(List.of()))
                .addMethods(unknownCodec.encoders("type", null))
                .addJavadoc("A branch this version of the API does not know, kept whole in {@code unknownFields}.\n")
                .addJavadoc("@param unknownFields the branch's {@code type} and {@code data}\n")
                .addSuperinterface(name)
                .addMethod(MethodSpec.methodBuilder("type").addModifiers(Modifier.PUBLIC).addAnnotation(Override.class)
                        .returns(kind).addStatement("return $T.$L", kind, naming.constant(union.implicitEnumName(), null))
                        .build())
                .addModifiers(Modifier.STATIC)
                .build());
        addUnionCodec(spec, name, union.name(), "type", union.branches());
        return spec;
    }

    TypeSpec.Builder alternate(AlternateDef alternate) {
        ClassName name = naming.type(alternate.name());
        TypeSpec.Builder spec = sealedInterface(alternate.name(), name, alternate.doc(), alternate);
        for (Branch branch : alternate.branches()) {
            ClassName variant = name.nestedClass(naming.branch(alternate.name(), branch.name()));
            boolean isNull = branch.type() instanceof TypeRef.Named n && n.name().equals(BuiltinType.NULL.name());
            List<Component> components = isNull ? List.of()
                    : List.of(new Component("value", types.required(branch.type()),
                            new Member("value", branch.type(), false, branch.ifCond(), List.of(), branch.location())));
            TypeSpec.Builder record = new RecordWriter(variant, alternate.name() + " " + branch.name(), components, false)
                    .write()
                    .addJavadoc(isNull ? CodeBlock.of("JSON {@code null}: the branch {@code $L} of {@link $T}.\n",
                                    branch.name(), name)
                            : CodeBlock.of("The branch {@code $L} of {@link $T}: a {@code $L} on the wire.\n",
                                    branch.name(), name, branch.type().toString()))
                    .addSuperinterface(name)
                    .addAnnotations(Metadata.of(branch.ifCond(), List.of()));
            if (!isNull) {
                record.addJavadoc("@param value $L\n", Javadocs.memberText(alternate.doc(), branch.name()));
            }
            spec.addType(record.addModifiers(Modifier.STATIC).build());
        }
        addAlternateCodec(spec, name, alternate);
        return spec;
    }

    /** The sealed interface of a union or alternate; its nested records are added by the caller. */
    private TypeSpec.Builder sealedInterface(String wireName, ClassName name, Doc doc,
            org.qapijava.qapi.model.Definition definition) {
        return TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc(Javadocs.definition(doc, definition.meta(), wireName, definition.ifCond(),
                        definition.features(), null))
                .addAnnotation(Metadata.wireName(wireName))
                .addAnnotations(Metadata.of(definition.ifCond(), definition.features()));
    }

    /**
     * A union's codec: {@code decode}/{@code decodeMembers} read the discriminator (wherever it stands in
     * the object) and hand the rest to the branch; {@code encode}/{@code encodeMembers} dispatch on the
     * branch. Every branch has {@code unknownFields}, so the interface declares it.
     */
    private void addUnionCodec(TypeSpec.Builder spec, ClassName name, String unionName, String discriminator,
            List<Branch> branches) {
        spec.addMethod(MethodSpec.methodBuilder(Naming.UNKNOWN_FIELDS).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(JavaTypes.UNKNOWN_FIELDS)
                .addJavadoc("@return what a lenient decode found that this version does not know\n").build());
        spec.addMethod(MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                .addParameter(Codecs.READER, "in").addJavadoc("Reads a {@code $L} object.\n", unionName)
                .addStatement("in.beginObject()").addStatement("return decodeMembers(in)").build());
        MethodSpec.Builder decodeMembers = MethodSpec.methodBuilder("decodeMembers")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name).addParameter(Codecs.READER, "in")
                .addJavadoc("Reads the members of a {@code $L} object already begun.\n", unionName)
                .addStatement("$T tag = in.readDiscriminator($L, $L)", String.class, Literals.string(discriminator), Literals.string(unionName))
                .beginControlFlow("switch (tag)");
        MethodSpec.Builder encodeMembers = MethodSpec.methodBuilder("encodeMembers")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).addParameter(Codecs.WRITER, "out").addParameter(name, "value")
                .addJavadoc("Writes the members of a {@code $L} into an object already begun.\n", unionName);
        boolean first = true;
        for (Branch branch : branches) {
            ClassName branchName = name.nestedClass(naming.branch(unionName, branch.name()));
            decodeMembers.addStatement("case $L: return $T.decodeMembers(in)", Literals.string(branch.name()), branchName);
            encodeMembers.addCode(first ? "if " : "} else if ").addCode("(value instanceof $T v) {\n$>", branchName)
                    .addStatement("$T.encodeMembers(out, v)", branchName).addCode("$<");
            first = false;
        }
        ClassName unknown = name.nestedClass(naming.unknownBranch(unionName));
        decodeMembers.addStatement("default: in.unknownBranch($L, tag, $L)", Literals.string(discriminator), Literals.string(unionName))
                .addStatement("return $T.decodeMembers(in)", unknown).endControlFlow();
        encodeMembers.addCode(first ? "" : "} else ").addCode("{\n$>")
                .addStatement("$T.encodeMembers(out, ($T) value)", unknown, unknown).addCode("$<}\n");
        spec.addMethod(decodeMembers.build()).addMethod(encodeMembers.build());
        spec.addMethod(MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Codecs.WRITER, "out").addParameter(name, "value")
                .addJavadoc("Writes a {@code $L} object.\n", unionName)
                .addStatement("out.beginObject(value.unknownFields())").addStatement("encodeMembers(out, value)")
                .addStatement("out.endObject()").build());
    }

    /**
     * A branch whose type is itself a union (QEMU 9.1 and later): the outer base's members are taken out by
     * name, and the inner union reads the rest of the same object.
     */
    private void addNestedUnionCodec(TypeSpec.Builder record, ClassName branchName, UnionDef union, Member tag,
            Branch branch, List<Member> baseMembers, List<Component> components, UnionDef nested) {
        ClassName inner = naming.type(nested.name());
        MethodSpec.Builder decode = MethodSpec.methodBuilder("decodeMembers").addModifiers(Modifier.STATIC)
                .returns(branchName).addParameter(Codecs.READER, "in");
        List<String> arguments = new ArrayList<>();
        for (Component component : components) {
            if (component.member() == null) {
                decode.addStatement("$T $L = $T.decodeMembers(in)", inner, component.name(), inner);
            } else {
                decode.addStatement("$T $L_ = in.readAhead($L)", JavaTypes.JSON_VALUE, component.name(), Literals.string(component.wireName()));
                CodeBlock read = CodeBlock.of("in.decodeMember($L, $L_, $L)", Literals.string(component.wireName()), component.name(),
                        codecs.decoder(component.member().type()));
                if (component.optional()) {
                    decode.addStatement("$T $L = $L_ == null ? $T.empty() : $T.of($L)", component.type(), component.name(),
                            component.name(), java.util.Optional.class, java.util.Optional.class, read);
                } else {
                    decode.beginControlFlow("if ($L_ == null)", component.name())
                            .addStatement("throw in.missing($L, $L)", Literals.string(component.wireName()), Literals.string(union.name())).endControlFlow()
                            .addStatement("$T $L = $L", component.type(), component.name(), read);
                }
            }
            arguments.add(component.name());
        }
        arguments.add("in.endObject()");
        record.addMethod(decode.addStatement("return new $T($L)", branchName, String.join(", ", arguments)).build());
        List<Component> members = components.stream().filter(c -> c.member() != null).toList();
        List<MethodSpec> encoders = new RecordCodec(branchName, union.name(), members, true, codecs)
                .encoders(tag.name(), branch.name());
        MethodSpec encodeMembers = encoders.get(1).toBuilder()
                .addStatement("$T.encodeMembers(out, value.$L())", inner,
                        components.stream().filter(c -> c.member() == null).findFirst().orElseThrow().name())
                .build();
        record.addMethod(encoders.get(0)).addMethod(encodeMembers);
    }

    /** An alternate's codec: the branch is chosen by the kind of JSON value. */
    private void addAlternateCodec(TypeSpec.Builder spec, ClassName name, AlternateDef alternate) {
        MethodSpec.Builder decode = MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name).addParameter(Codecs.READER, "in")
                .addJavadoc("Reads a {@code $L}: the branch that takes the kind of JSON value there.\n", alternate.name())
                .beginControlFlow("switch (in.peek())");
        MethodSpec.Builder encode = MethodSpec.methodBuilder("encode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Codecs.WRITER, "out").addParameter(name, "value");
        boolean first = true;
        for (Branch branch : alternate.branches()) {
            ClassName variant = name.nestedClass(naming.branch(alternate.name(), branch.name()));
            String json = schema.resolve(branch.type()).jsonType();
            boolean isNull = json.equals("null");
            List<String> kinds = switch (json) {
                case "string" -> List.of("STRING");
                case "number" -> List.of("INTEGER", "NUMBER");
                case "int" -> List.of("INTEGER");
                case "boolean" -> List.of("BOOLEAN");
                case "null" -> List.of("NULL");
                case "array" -> List.of("ARRAY");
                default -> List.of("OBJECT");
            };
            for (String kind : kinds) {
                decode.addCode("case $L:\n$>", kind);
                if (isNull) {
                    decode.addStatement("in.readNull()").addStatement("return new $T()", variant);
                } else {
                    decode.addStatement("return new $T($L)", variant, codecs.read(branch.type()));
                }
                decode.addCode("$<");
            }
            encode.addCode(first ? "if " : "} else if ").addCode("(value instanceof $T v) {\n$>", variant)
                    .addStatement(isNull ? CodeBlock.of("out.writeNull()") : codecs.write(branch.type(), CodeBlock.of("v.value()")))
                    .addCode("$<");
            first = false;
        }
        decode.addStatement("default: throw in.noBranch($L)", Literals.string(alternate.name())).endControlFlow();
        encode.addCode("}\n");
        spec.addMethod(decode.build()).addMethod(encode.build());
    }

    /** A simple union's implicit enum of branch names. */
    TypeSpec.Builder implicitEnum(UnionDef union) {
        return enumType(union.implicitEnum());
    }

    /**
     * Components for members, named consistently with the {@code Fields} interfaces; only those in keep
     * (null: all).
     */
    private List<Component> components(List<Member> members, List<Member> keep) {
        return components(members, keep, Naming.RECORD_RESERVED);
    }

    private List<Component> components(List<Member> members, List<Member> keep, String[] reserved) {
        List<Component> components = types.components(members, reserved);
        if (keep != null) {
            components.removeIf(c -> !keep.contains(c.member()));
        }
        return components;
    }

    /** The doc comment that describes a member: that of the struct in the base chain that declares it. */
    private Doc declaringDoc(StructDef struct, Member member) {
        for (StructDef at = struct; at != null; ) {
            if (at.members().contains(member)) {
                return at.doc();
            }
            at = at.base() == null ? null : (StructDef) schema.lookup(at.base()).orElse(null);
        }
        return struct.doc();
    }

    private Doc unionMemberDoc(UnionDef union, Branch branch, Member member) {
        if (union.base() instanceof Data.TypeName named && schema.lookup(named.name()).orElse(null) instanceof StructDef base
                && schema.allMembers(base).contains(member)) {
            return declaringDoc(base, member);
        }
        if (branch != null && branch.type() != null && schema.resolve(branch.type()) instanceof StructDef struct
                && schema.allMembers(struct).contains(member)) {
            return declaringDoc(struct, member);
        }
        return union.doc();
    }
}
