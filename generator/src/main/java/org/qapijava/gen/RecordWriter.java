package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.model.Member;

/**
 * Writes a record: its components (with their metadata annotations), a compact constructor that refuses
 * null and copies lists, a constructor without {@code unknownFields} when it has them, and a builder when it
 * has optional components.
 */
final class RecordWriter {
    private final ClassName name;
    private final String wireName;
    private final List<Component> components;
    private final boolean unknownFields;

    /**
     * @param components    the wire members' components, in wire order
     * @param unknownFields whether the record carries an {@code unknownFields} component (records that are
     *                      decoded from the wire do)
     */
    RecordWriter(ClassName name, String wireName, List<Component> components, boolean unknownFields) {
        this.name = name;
        this.wireName = wireName;
        this.components = components;
        this.unknownFields = unknownFields;
    }

    TypeSpec.Builder write() {
        MethodSpec.Builder canonical = MethodSpec.constructorBuilder();
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Component component : components) {
            ParameterSpec.Builder parameter = ParameterSpec.builder(component.type(), component.name());
            if (component.member() != null) {
                parameter.addAnnotation(Metadata.wireName(component.member().name()));
                parameter.addAnnotations(Metadata.of(component.member().ifCond(), component.member().features()));
            }
            canonical.addParameter(parameter.build());
            check(compact, component);
        }
        if (unknownFields) {
            canonical.addParameter(JavaTypes.UNKNOWN_FIELDS, Naming.UNKNOWN_FIELDS);
            compact.addStatement("$T.requireNonNull($L, $L)", Objects.class, Naming.UNKNOWN_FIELDS,
                    Literals.string("unknownFields of " + wireName + ": use UnknownFields.NONE"));
        }
        TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC)
                .recordConstructor(canonical.build());
        if (!compact.build().code().isEmpty()) {
            record.addMethod(compact.build());
        }
        if (unknownFields) {
            record.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                    .addJavadoc("A value with no unknown fields.\n")
                    .addParameters(components.stream().map(c -> ParameterSpec.builder(c.type(), c.name()).build()).toList())
                    .addStatement("this($L$T.NONE)", components.isEmpty() ? "" : arguments() + ", ",
                            JavaTypes.UNKNOWN_FIELDS)
                    .build());
        }
        if (hasBuilder(components)) {
            addBuilder(record);
        }
        return record;
    }

    private void check(MethodSpec.Builder compact, Component component) {
        if (component.type().isPrimitive()) {
            return;
        }
        String what = "member '" + component.wireName() + "' of " + wireName
                + (component.optional() ? ": use Optional.empty() when absent" : " is required");
        compact.addStatement("$T.requireNonNull(" + component.name() + ", " + Literals.format(what) + ")", Objects.class);
        if (isList(component.type())) {
            compact.addStatement("$L = $T.copyOf($L)", component.name(), List.class, component.name());
        } else if (component.optional() && isList(optionalElement(component.type()))) {
            compact.addStatement("$L = $L.map($T::copyOf)", component.name(), component.name(), List.class);
        }
    }

    private String arguments() {
        return components.stream().map(Component::name).collect(Collectors.joining(", "));
    }

    /** Whether a record of these components gets a builder: when some are optional. */
    static boolean hasBuilder(List<Component> components) {
        return components.stream().anyMatch(Component::optional);
    }

    /** The builder of a record; a nested class may not share its enclosing record's name. */
    static ClassName builderName(ClassName record) {
        return record.nestedClass(record.simpleName().equals("Builder") ? "Builder_" : "Builder");
    }

    private void addBuilder(TypeSpec.Builder record) {
        ClassName builder = builderName(name);
        TypeSpec.Builder spec = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}: set the required members, and the optional ones that are present\n"
                        + "(null makes an optional member absent again).\n", name)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(name);
        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .returns(builder).addJavadoc("A builder that starts from this value.\n")
                .addStatement("$T builder = new $T()", builder, builder);
        List<String> args = new ArrayList<>();
        for (Component component : components) {
            String field = component.name();
            if (component.optional()) {
                TypeName element = optionalElement(component.type());
                spec.addField(FieldSpec.builder(component.type(), field, Modifier.PRIVATE)
                        .initializer("$T.empty()", Optional.class).build());
                spec.addMethod(setter(builder, field, element, CodeBlock.of("this." + field + " = $T.ofNullable(" + field + ")", Optional.class)));
                args.add(field);
            } else {
                TypeName boxed = component.type().box();
                spec.addField(FieldSpec.builder(boxed, field, Modifier.PRIVATE).build());
                spec.addMethod(component.type().isPrimitive()
                        ? setter(builder, field, component.type(), CodeBlock.of("this." + field + " = " + field))
                        : setter(builder, field, component.type(), requireNonNull(field)));
                build.addStatement("$T.requireNonNull(" + field + ", "
                        + Literals.format("member '" + component.wireName() + "' of " + wireName + " is required")
                        + ")", Objects.class);
                args.add(field);
            }
            toBuilder.addStatement("builder." + field + " = " + field);
        }
        if (unknownFields) {
            spec.addField(FieldSpec.builder(JavaTypes.UNKNOWN_FIELDS, Naming.UNKNOWN_FIELDS, Modifier.PRIVATE)
                    .initializer("$T.NONE", JavaTypes.UNKNOWN_FIELDS).build());
            spec.addMethod(setter(builder, Naming.UNKNOWN_FIELDS, JavaTypes.UNKNOWN_FIELDS,
                    requireNonNull(Naming.UNKNOWN_FIELDS)));
            args.add(Naming.UNKNOWN_FIELDS);
            toBuilder.addStatement("builder.$L = $L", Naming.UNKNOWN_FIELDS, Naming.UNKNOWN_FIELDS);
        }
        build.addStatement("return new $T($L)", name, String.join(", ", args));
        spec.addMethod(build.build());
        record.addType(spec.build());
        record.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder).addJavadoc("A builder with no member set.\n").addStatement("return new $T()", builder).build());
        record.addMethod(toBuilder.addStatement("return builder").build());
    }

    // statements are concatenated into their format strings (Java names hold no '$'): JavaPoet then emits
    // a few long pieces instead of many short ones, which is what its rendering time goes by

    private static CodeBlock requireNonNull(String field) {
        return CodeBlock.of("this." + field + " = $T.requireNonNull(" + field + ")", Objects.class);
    }

    private static MethodSpec setter(ClassName builder, String field, TypeName type, CodeBlock statement) {
        return MethodSpec.methodBuilder(field).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(type, field)
                .addStatement(statement)
                .addStatement("return this")
                .build();
    }

    static boolean isList(TypeName type) {
        return type instanceof ParameterizedTypeName p && p.rawType().equals(ClassName.get(List.class));
    }

    static TypeName optionalElement(TypeName optional) {
        return ((ParameterizedTypeName) optional).typeArguments().get(0);
    }

    /** Javadoc {@code @param} lines for a record's components. */
    static String params(List<Component> components, Function<Member, Doc> docs, boolean unknownFields) {
        StringBuilder out = new StringBuilder();
        for (Component component : components) {
            out.append("@param ").append(component.name()).append(' ')
                    .append(component.member() != null
                            ? Javadocs.memberText(docs.apply(component.member()), component.member())
                            : "the branch's own members")
                    .append('\n');
        }
        if (unknownFields) {
            out.append("@param unknownFields what a lenient decode found that this version does not know\n");
        }
        return out.toString();
    }
}
