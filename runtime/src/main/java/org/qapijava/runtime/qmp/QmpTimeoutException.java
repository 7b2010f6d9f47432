package org.qapijava.runtime.qmp;

/** No reply within the command's timeout (a stopped QEMU keeps its socket open and answers nothing). */
public final class QmpTimeoutException extends QmpException {
    private static final long serialVersionUID = 1L;

    public QmpTimeoutException(String message) {
        super(message, null);
    }
}
