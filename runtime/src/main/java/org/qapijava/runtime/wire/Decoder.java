package org.qapijava.runtime.wire;

/** Reads one value of a type. Generated types have a {@code decode} method of this shape. */
@FunctionalInterface
public interface Decoder<T> {
    T decode(WireReader in);
}
