package org.qapijava.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.IfCond;

/** The annotations that keep a schema element's wire name, features and condition in the generated code. */
final class Metadata {
    static final ClassName WIRE_NAME = ClassName.get("org.qapijava.runtime.meta", "WireName");
    static final ClassName FEATURES = ClassName.get("org.qapijava.runtime.meta", "Features");
    static final ClassName CONDITION = ClassName.get("org.qapijava.runtime.meta", "Condition");

    private Metadata() {}

    static AnnotationSpec wireName(String name) {
        return AnnotationSpec.builder(WIRE_NAME).addMember("value", "$L", Literals.string(name)).build();
    }

    /** {@code @Deprecated}, {@code @Features} and {@code @Condition}, as the element has them. */
    static List<AnnotationSpec> of(IfCond ifCond, List<Feature> features) {
        List<AnnotationSpec> annotations = new ArrayList<>();
        if (features.stream().anyMatch(Feature::isDeprecated)) {
            annotations.add(AnnotationSpec.builder(Deprecated.class).build());
        }
        if (!features.isEmpty()) {
            CodeBlock names = features.stream().map(f -> CodeBlock.of("$L", Literals.string(f.name())))
                    .collect(CodeBlock.joining(", ", features.size() == 1 ? "" : "{", features.size() == 1 ? "" : "}"));
            annotations.add(AnnotationSpec.builder(FEATURES).addMember("value", names).build());
        }
        if (ifCond.isPresent()) {
            annotations.add(AnnotationSpec.builder(CONDITION).addMember("value", "$L", Literals.string(condition(ifCond))).build());
        }
        return annotations;
    }

    /** {@code CONFIG_X}, {@code all(A, B)}, {@code any(A, B)}, {@code not(A)}, or a legacy C expression. */
    static String condition(IfCond cond) {
        if (cond instanceof IfCond.Name name) {
            return name.name();
        }
        if (cond instanceof IfCond.CExpression expression) {
            return expression.text();
        }
        if (cond instanceof IfCond.Not not) {
            return "not(" + condition(not.operand()) + ")";
        }
        if (cond instanceof IfCond.All all) {
            return all.operands().stream().map(Metadata::condition).collect(Collectors.joining(", ", "all(", ")"));
        }
        if (cond instanceof IfCond.Any any) {
            return any.operands().stream().map(Metadata::condition).collect(Collectors.joining(", ", "any(", ")"));
        }
        return "";
    }
}
