package org.qapijava.runtime.wire;

/** Writes one value of a type. */
@FunctionalInterface
public interface Encoder<T> {
    void encode(WireWriter out, T value);
}
