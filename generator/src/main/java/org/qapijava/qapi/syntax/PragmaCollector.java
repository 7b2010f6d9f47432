package org.qapijava.qapi.syntax;

import java.util.LinkedHashSet;
import java.util.Set;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.model.Pragmas;

/** Validates {@code pragma} directives and merges them over all files of a schema. */
final class PragmaCollector {
    private final Diagnostics diagnostics;
    private boolean docRequired;
    private boolean legacy;
    private final Set<String> commandNameExceptions = new LinkedHashSet<>();
    private final Set<String> commandReturnsExceptions = new LinkedHashSet<>();
    private final Set<String> memberNameExceptions = new LinkedHashSet<>();
    private final Set<String> documentationExceptions = new LinkedHashSet<>();

    PragmaCollector(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void apply(Node.Obj pragmas) {
        for (Node.Obj.Field field : pragmas.fields().values()) {
            try {
                apply(field.key(), field.value());
            } catch (SchemaError e) {
                diagnostics.report(e);
            }
        }
    }

    private void apply(Node.Str name, Node value) {
        switch (name.value()) {
            case "doc-required" -> {
                if (!(value instanceof Node.Bool bool)) {
                    throw new SchemaError(value.location(), "pragma 'doc-required' must be boolean");
                }
                docRequired = bool.value();
            }
            case "command-name-exceptions" -> strings(name, value, commandNameExceptions);
            case "command-returns-exceptions" -> strings(name, value, commandReturnsExceptions);
            case "member-name-exceptions" -> strings(name, value, memberNameExceptions);
            case "documentation-exceptions" -> strings(name, value, documentationExceptions);
            case "returns-whitelist" -> {
                legacy = true;
                strings(name, value, commandReturnsExceptions);
            }
            case "name-case-whitelist" -> {
                legacy = true;
                strings(name, value, memberNameExceptions);
            }
            default -> throw new SchemaError(name.location(), "unknown pragma '" + name.value() + "'");
        }
    }

    private static void strings(Node.Str name, Node value, Set<String> into) {
        if (!(value instanceof Node.Arr list) || !list.items().stream().allMatch(Node.Str.class::isInstance)) {
            throw new SchemaError(value.location(), "pragma '" + name.value() + "' must be a list of strings");
        }
        list.items().forEach(item -> into.add(((Node.Str) item).value()));
    }

    Pragmas pragmas() {
        return new Pragmas(docRequired, commandNameExceptions, commandReturnsExceptions, memberNameExceptions,
                documentationExceptions);
    }

    /** Whether the schema uses QEMU 5.2's pragma names, and so its naming dialect. */
    boolean legacy() {
        return legacy;
    }
}
