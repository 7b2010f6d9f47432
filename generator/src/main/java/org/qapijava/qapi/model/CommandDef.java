package org.qapijava.qapi.model;

import java.util.List;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/**
 * {@code { 'command': ..., 'data': ..., 'returns': ..., ... }}. data and returns are null when absent; the
 * flags hold their defaults when not written ({@code gen} and {@code successResponse} true, the others false).
 */
public record CommandDef(String name, Data data, TypeRef returns, boolean boxed, boolean gen,
        boolean successResponse, boolean allowOob, boolean allowPreconfig, boolean coroutine, IfCond ifCond,
        List<Feature> features, Doc doc, Location location) implements Definition {

    public CommandDef {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "command";
    }
}
