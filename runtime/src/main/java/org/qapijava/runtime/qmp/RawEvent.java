package org.qapijava.runtime.qmp;

import org.qapijava.runtime.event.EventTimestamp;
import org.qapijava.runtime.event.QmpEvent;
import org.qapijava.runtime.json.JsonValue;

/** An event that the client's event decoders do not know (a newer QEMU's), as it came. */
public record RawEvent(String wireName, JsonValue.JsonObject data, EventTimestamp timestamp) implements QmpEvent {}
