package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/**
 * {@code { 'union': ..., 'base': ..., 'discriminator': ..., 'data': {...} }}.
 *
 * <p>A legacy <em>simple</em> union (QEMU up to 6.1) has neither base nor discriminator (both null): its
 * branches are named by an implicit enum {@link #implicitEnumName()}, and on the wire each branch is an
 * object {@code {'type': branch, 'data': value}}.
 *
 * @param branches only the branches the schema declares; {@link Schema#allBranches} adds the empty ones for
 *                 discriminator values without a branch
 */
public record UnionDef(String name, Data base, String discriminator, List<Branch> branches, IfCond ifCond,
        List<Feature> features, Doc doc, Location location) implements Definition, Type {

    public UnionDef {
        branches = List.copyOf(branches);
        features = List.copyOf(features);
    }

    public boolean isSimple() {
        return discriminator == null;
    }

    /** The name of a simple union's implicit enum of branch names. */
    public String implicitEnumName() {
        return name + "Kind";
    }

    /** A simple union's implicit enum: its branch names, in order, under the union's condition. */
    public EnumDef implicitEnum() {
        List<EnumValue> values = branches.stream()
                .map(b -> new EnumValue(b.name(), b.ifCond(), List.of(), b.location())).toList();
        return new EnumDef(implicitEnumName(), values, null, ifCond, List.of(), null, location);
    }

    @Override
    public String meta() {
        return "union";
    }

    @Override
    public String jsonType() {
        return "object";
    }
}
