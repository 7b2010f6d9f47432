package org.qapijava.runtime.event;

/** An asynchronous event from QEMU. Generated event records implement it. */
public interface QmpEvent {

    /** The event's name on the wire, such as {@code "JOB_STATUS_CHANGE"}. */
    String wireName();

    EventTimestamp timestamp();
}
