package org.qapijava.runtime.qmp;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.qapijava.runtime.event.QmpEvent;

/**
 * One event listener's own bounded queue and thread, so that a slow listener holds up no one but itself:
 * not the reader (replies keep coming), not the other listeners. When the queue is full the oldest event in
 * it is dropped (the newer ones carry the later state), and the drops are reported once the listener has
 * caught up. Closing lets the listener finish what is queued; removing it stops it at once.
 */
final class ListenerQueue {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long IDLE_POLL_MILLIS = 50;

    private final Consumer<? super QmpEvent> listener;
    private final BlockingQueue<QmpEvent> queue;
    private final Consumer<String> diagnostics;
    private final Thread thread;
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean closing;
    private volatile boolean removed;

    ListenerQueue(Consumer<? super QmpEvent> listener, int capacity, Consumer<String> diagnostics) {
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.diagnostics = diagnostics;
        this.thread = new Thread(this::deliver, "qmp-listener-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    Consumer<? super QmpEvent> listener() {
        return listener;
    }

    /** Queues an event (on the reader thread); never blocks. */
    void offer(QmpEvent event) {
        while (!queue.offer(event)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void deliver() {
        try {
            while (!removed) {
                QmpEvent event = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                int lost = dropped.getAndSet(0);
                if (lost > 0) {
                    diagnostics.accept("event listener " + listener + " fell behind: its queue of "
                            + (queue.size() + queue.remainingCapacity()) + " was full, " + lost
                            + " older event(s) dropped");
                }
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    diagnostics.accept("event listener failed on " + event.wireName() + ": " + e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what is queued, then stops; waits for that at most the given time. */
    void close(long waitMillis) {
        closing = true;
        join(waitMillis);
    }

    /** Stops at once: what is queued is not delivered. */
    void remove() {
        removed = true;
        queue.clear();
        if (thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    private void join(long waitMillis) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            remove(); // a listener that does not finish in time is interrupted
        }
    }
}
