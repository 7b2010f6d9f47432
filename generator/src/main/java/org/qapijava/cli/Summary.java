package org.qapijava.cli;

import org.qapijava.qapi.model.AlternateDef;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.UnionDef;

/** How many definitions of each kind a schema has. */
public record Summary(int structs, int unions, int alternates, int enums, int commands, int events) {

    public static Summary of(Schema schema) {
        return new Summary(schema.definitions(StructDef.class).size(), schema.definitions(UnionDef.class).size(),
                schema.definitions(AlternateDef.class).size(), schema.definitions(EnumDef.class).size(),
                schema.definitions(CommandDef.class).size(), schema.definitions(EventDef.class).size());
    }

    @Override
    public String toString() {
        return structs + " structs, " + unions + " unions, " + alternates + " alternates, " + enums + " enums, "
                + commands + " commands, " + events + " events";
    }
}
