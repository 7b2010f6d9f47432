package org.qapijava.runtime.qmp;

/** Anything that keeps a command from completing normally. */
public class QmpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
