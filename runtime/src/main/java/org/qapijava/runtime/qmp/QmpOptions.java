package org.qapijava.runtime.qmp;

import java.time.Duration;
import java.util.Map;
import org.qapijava.runtime.event.EventDecoder;
import org.qapijava.runtime.wire.DecodePolicy;

/**
 * How a client decodes, waits and bounds what it reads.
 *
 * @param policy                LENIENT by default, as QMP's compatibility rules ask of clients
 * @param commandTimeout        how long a command waits for its reply
 * @param oob                   ask for out-of-band execution when QEMU offers it
 * @param events                the generated {@code Events.DECODERS}; events not in it arrive as {@link RawEvent}
 * @param maxMessageBytes       the largest message QEMU may send (8 MiB by default; QEMU 7.2's largest reply,
 *                              {@code query-qmp-schema}, is 207 KB): a larger one ends the connection
 * @param maxNestingDepth       how deeply a message's arrays and objects may nest (1000 by default, about what
 *                              QEMU's own parser allows): a deeper one ends the connection
 * @param listenerQueueCapacity the events each listener may have waiting (4096 by default); past it, its
 *                              oldest waiting event is dropped and the drop reported to diagnostics
 */
public record QmpOptions(DecodePolicy policy, Duration commandTimeout, boolean oob,
        Map<String, ? extends EventDecoder<?>> events, int maxMessageBytes, int maxNestingDepth,
        int listenerQueueCapacity) {

    public QmpOptions {
        if (maxMessageBytes < 1 || maxNestingDepth < 1 || listenerQueueCapacity < 1) {
            throw new IllegalArgumentException("limits must be positive: maxMessageBytes " + maxMessageBytes
                    + ", maxNestingDepth " + maxNestingDepth + ", listenerQueueCapacity " + listenerQueueCapacity);
        }
        events = Map.copyOf(events);
    }

    public static QmpOptions defaults() {
        return new QmpOptions(DecodePolicy.LENIENT, Duration.ofSeconds(30), false, Map.of(), 8 << 20, 1000, 4096);
    }

    public QmpOptions withPolicy(DecodePolicy policy) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }

    public QmpOptions withCommandTimeout(Duration commandTimeout) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }

    public QmpOptions withOob(boolean oob) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }

    public QmpOptions withEvents(Map<String, ? extends EventDecoder<?>> events) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }

    public QmpOptions withMaxMessageBytes(int maxMessageBytes) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }

    public QmpOptions withMaxNestingDepth(int maxNestingDepth) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }

    public QmpOptions withListenerQueueCapacity(int listenerQueueCapacity) {
        return new QmpOptions(policy, commandTimeout, oob, events, maxMessageBytes, maxNestingDepth,
                listenerQueueCapacity);
    }
}
