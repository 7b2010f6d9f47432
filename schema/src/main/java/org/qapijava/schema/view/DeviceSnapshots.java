package org.qapijava.schema.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qapijava.schema.block.SnapshotInfo;

/**
 * One block backend's side of the VM snapshots.
 *
 * @param device the backend name ({@code BlockInfo.device})
 * @param nodeName the root node's name, if the backend has a medium
 * @param participation how the backend takes part
 * @param snapshots the internal snapshots of its root image, in QEMU's order; empty when there is no medium
 *     or none (a backing image's snapshots are not the device's)
 * @param partial those of {@code snapshots} whose name is not present on all disks, for a
 *     {@link Participation#SNAPSHOTTED} backend; empty for any other
 * @param hasDirtyBitmaps whether its root node has in-memory dirty bitmaps ({@code dirty-bitmaps}), which
 *     make QEMU refuse to revert the node to a snapshot, so that {@code loadvm} fails if it takes part
 */
public record DeviceSnapshots(String device, Optional<String> nodeName, Participation participation,
        List<SnapshotInfo> snapshots, List<SnapshotInfo> partial, boolean hasDirtyBitmaps) {
    public DeviceSnapshots {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(participation, "participation");
        snapshots = List.copyOf(snapshots);
        partial = List.copyOf(partial);
    }
}
