package org.qapijava.qapi.model;

import java.util.List;
import java.util.Optional;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/** A named definition of the schema: an entity. */
public sealed interface Definition permits EnumDef, StructDef, UnionDef, AlternateDef, CommandDef, EventDef {

    String name();

    /** {@code enum}, {@code struct}, {@code union}, {@code alternate}, {@code command} or {@code event}. */
    String meta();

    IfCond ifCond();

    List<Feature> features();

    /** The documentation comment before the definition, or null. */
    Doc doc();

    /** Where the definition's opening brace stands. */
    Location location();

    default Optional<Doc> documentation() {
        return Optional.ofNullable(doc());
    }

    default boolean isDeprecated() {
        return features().stream().anyMatch(Feature::isDeprecated);
    }
}
