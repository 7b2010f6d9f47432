package org.qapijava.runtime.qmp;

/** The connection ended (EOF, an I/O error, a protocol error, or {@code close()}) before the reply came. */
public final class QmpConnectionClosedException extends QmpException {
    private static final long serialVersionUID = 1L;

    public QmpConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
