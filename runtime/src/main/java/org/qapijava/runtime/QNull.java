package org.qapijava.runtime;

/** The value of the schema's built-in {@code null} type: JSON {@code null}, present on the wire. */
public enum QNull {
    INSTANCE
}
