package org.qapijava.runtime.qmp;

import java.time.Duration;
import java.util.Map;
import org.qapijava.runtime.event.EventDecoder;
import org.qapijava.runtime.wire.DecodePolicy;

/**
 * How a client decodes and waits.
 *
 * @param policy         LENIENT by default, as QMP's compatibility rules ask of clients
 * @param commandTimeout how long a command waits for its reply
 * @param oob            ask for out-of-band execution when QEMU offers it
 * @param events         the generated {@code Events.DECODERS}; events not in it arrive as {@link RawEvent}
 */
public record QmpOptions(DecodePolicy policy, Duration commandTimeout, boolean oob,
        Map<String, ? extends EventDecoder<?>> events) {

    public static QmpOptions defaults() {
        return new QmpOptions(DecodePolicy.LENIENT, Duration.ofSeconds(30), false, Map.of());
    }

    public QmpOptions withPolicy(DecodePolicy policy) {
        return new QmpOptions(policy, commandTimeout, oob, events);
    }

    public QmpOptions withCommandTimeout(Duration commandTimeout) {
        return new QmpOptions(policy, commandTimeout, oob, events);
    }

    public QmpOptions withOob(boolean oob) {
        return new QmpOptions(policy, commandTimeout, oob, events);
    }

    public QmpOptions withEvents(Map<String, ? extends EventDecoder<?>> events) {
        return new QmpOptions(policy, commandTimeout, oob, events);
    }
}
