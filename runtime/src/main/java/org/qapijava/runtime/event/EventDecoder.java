package org.qapijava.runtime.event;

import org.qapijava.runtime.wire.WireReader;

/** Reads an event of one type from its {@code "data"} object (an empty object when it had none). */
@FunctionalInterface
public interface EventDecoder<E extends QmpEvent> {
    E decode(WireReader data, EventTimestamp timestamp);
}
