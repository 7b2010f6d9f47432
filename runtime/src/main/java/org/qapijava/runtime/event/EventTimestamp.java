package org.qapijava.runtime.event;

import java.time.Instant;

/** When QEMU emitted an event: its {@code "timestamp"} ({@code -1, -1} when QEMU's clock failed). */
public record EventTimestamp(long seconds, long microseconds) {

    public static final EventTimestamp NONE = new EventTimestamp(-1, -1);

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, microseconds * 1000);
    }
}
