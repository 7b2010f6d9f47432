package org.qapijava.qapi.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.syntax.Node;
import org.qapijava.qapi.syntax.SchemaLoader;
import org.qapijava.qapi.syntax.SourceItem;

/** Runs the checks over a loaded schema: each expression on its own, then the definitions together. */
public final class SchemaBuilder {

    private SchemaBuilder() {}

    /** The checked schema; problems go to diagnostics, and the schema is only complete when there are none. */
    public static Schema build(SchemaLoader.Loaded loaded, Diagnostics diagnostics) {
        ExpressionChecker expressions = new ExpressionChecker(loaded.pragmas(), new NameRules(loaded.legacyDialect()));
        List<Definition> candidates = new ArrayList<>();
        Set<String> rejected = new HashSet<>(loaded.brokenNames());
        for (SourceItem.Expression item : loaded.expressions()) {
            try {
                candidates.add(expressions.check(item.expr(), item.doc()));
            } catch (SchemaError e) {
                diagnostics.report(e);
                Node.Str name = ExpressionChecker.definitionName(item.expr());
                if (name != null) {
                    rejected.add(name.value());
                    if (item.expr().has("union") && !item.expr().has("discriminator")) {
                        rejected.add(name.value() + "Kind"); // a simple union's implicit enum
                    }
                }
            }
        }
        List<Definition> valid = SchemaChecker.check(candidates, rejected, loaded.pragmas(), diagnostics);
        return new Schema(valid, loaded.freeDocs(), loaded.pragmas(), loaded.files());
    }
}
