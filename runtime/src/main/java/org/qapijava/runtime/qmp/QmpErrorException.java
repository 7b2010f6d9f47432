package org.qapijava.runtime.qmp;

/**
 * QEMU's {@code {"error": {"class": ..., "desc": ...}}} reply to a command. The class is an open set
 * ({@code GenericError}, {@code CommandNotFound}, {@code DeviceNotActive}, {@code DeviceNotFound},
 * {@code KVMMissingCap}, and whatever a newer QEMU sends), so it is a string.
 */
public final class QmpErrorException extends QmpException {
    private static final long serialVersionUID = 1L;

    private final String errorClass;
    private final String description;
    private final String command;
    private final long id;

    public QmpErrorException(String errorClass, String description, String command, long id) {
        super(command + " (id " + id + "): " + errorClass + ": " + description, null);
        this.errorClass = errorClass;
        this.description = description;
        this.command = command;
        this.id = id;
    }

    public String errorClass() {
        return errorClass;
    }

    public String description() {
        return description;
    }

    public String command() {
        return command;
    }

    public long id() {
        return id;
    }
}
