package org.qapijava.runtime.wire;

/** A value that cannot be written, such as an {@code UNRECOGNIZED} enum constant whose wire string was lost. */
public final class EncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EncodeException(String path, String problem) {
        super(path + ": " + problem, null, false, false);
    }
}
