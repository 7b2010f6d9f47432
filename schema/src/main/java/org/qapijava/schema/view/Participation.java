package org.qapijava.schema.view;

/**
 * How a block backend takes part in VM snapshots ({@code savevm}, {@code loadvm}, {@code info snapshots})
 * when no device list is given, as QEMU 7.2 decides it.
 */
public enum Participation {
    /** Inserted, writable and snapshot-capable: a VM snapshot must exist on it to be usable. */
    SNAPSHOTTED,
    /**
     * Inserted and writable, but its driver cannot hold internal snapshots: QEMU then refuses savevm and
     * loadvm altogether, and no snapshot counts as present on all disks.
     */
    BLOCKING,
    /** Inserted but read-only: left out. */
    READ_ONLY,
    /** No medium: left out. */
    NO_MEDIUM,
    /** Its root node is an earlier backend's root node too: the node counts once, at that backend. */
    SHARED_NODE
}
