package org.qapijava.qapi.diag;

import java.util.ArrayList;
import java.util.List;
import org.qapijava.qapi.source.Location;

/** Collects the problems of one run of the frontend, in the order they are found. */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();

    public void report(Location location, String message) {
        list.add(new Diagnostic(location, message));
    }

    public void report(SchemaError error) {
        list.add(error.toDiagnostic());
    }

    public boolean hasErrors() {
        return !list.isEmpty();
    }

    public List<Diagnostic> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link SchemaException} with every problem so far, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new SchemaException(list());
        }
    }
}
