package org.qapijava.runtime.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.qapijava.runtime.json.JsonValue;
import tools.jackson.core.JsonToken;

/**
 * A stream of JSON tokens positioned on a current token: a Jackson parser, or a walk over a tree. The reader
 * consumes a value and then {@link #advance}s to the token after it.
 */
interface Tokens {

    /** The current token; null past the end. */
    JsonToken token();

    void advance();

    /** The member name, on a {@link JsonToken#PROPERTY_NAME}. */
    String name();

    /** The text of a string, or the literal of a number. */
    String text();

    long longValue();

    BigInteger bigIntegerValue();

    double doubleValue();

    BigDecimal decimalValue();

    /** Whether an integer token fits a long. */
    boolean fitsLong();

    /** Reads the current value, whatever it is, as a tree, and advances past it. */
    JsonValue readTree();
}
