package org.qapijava.runtime.wire;

/** Wire data that does not fit the schema; the message starts with the JSON path of the offending value. */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public DecodeException(String path, String problem) {
        super(path + ": " + problem, null, false, false);
        this.path = path;
    }

    /** Where: {@code $} is the decoded value, then {@code .member} and {@code [index]} steps. */
    public String path() {
        return path;
    }
}
