package org.qapijava.qapi.diag;

import org.qapijava.qapi.source.Location;

/**
 * Stops checking of one expression or definition at its first problem. The frontend catches it at that
 * boundary and records it as a {@link Diagnostic}; it never reaches the user. It carries no stack trace.
 */
public final class SchemaError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public SchemaError(Location location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    public Location location() {
        return location;
    }

    public Diagnostic toDiagnostic() {
        return new Diagnostic(location, getMessage());
    }
}
