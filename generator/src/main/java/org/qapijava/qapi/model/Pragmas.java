package org.qapijava.qapi.model;

import java.util.Set;

/**
 * The schema's {@code pragma} settings, merged over all its files. The names QEMU 5.2 and older used map to
 * the current ones: {@code returns-whitelist} to commandReturnsExceptions, {@code name-case-whitelist} to
 * memberNameExceptions.
 */
public record Pragmas(boolean docRequired, Set<String> commandNameExceptions, Set<String> commandReturnsExceptions,
        Set<String> memberNameExceptions, Set<String> documentationExceptions) {

    public Pragmas {
        commandNameExceptions = Set.copyOf(commandNameExceptions);
        commandReturnsExceptions = Set.copyOf(commandReturnsExceptions);
        memberNameExceptions = Set.copyOf(memberNameExceptions);
        documentationExceptions = Set.copyOf(documentationExceptions);
    }
}
