package org.qapijava.schema.view;

import java.time.ZoneId;
import java.util.List;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.SnapshotInfo;

/**
 * The text of the monitor's {@code info snapshots}: the snapshots present on all disks (ID shown as "--",
 * since IDs differ between images), then, per snapshot-capable backend, its snapshots that are not
 * ("partial"). When no backend can hold VM state, or no capable backend has any snapshot, the one line QEMU
 * prints instead. Lines end with {@code \n}; the monitor itself sends {@code \r\n}.
 */
public final class InfoSnapshotsRenderer {
    private InfoSnapshotsRenderer() {}

    /** {@code info snapshots} for a {@code query-block} reply, dates in the system time zone. */
    public static String render(List<BlockInfo> blocks) {
        return render(VmSnapshots.of(blocks), ZoneId.systemDefault());
    }

    /** {@code info snapshots}, dates in {@code zone}. */
    public static String render(VmSnapshots snapshots, ZoneId zone) {
        if (snapshots.vmStateDevice().isEmpty()) {
            return "no block device can store vmstate for snapshot\n";
        }
        List<DeviceSnapshots> capable = snapshots.devices().stream()
                .filter(d -> d.participation() == Participation.SNAPSHOTTED).toList();
        if (capable.stream().allMatch(d -> d.snapshots().isEmpty())) {
            return "There is no snapshot available.\n";
        }
        StringBuilder out = new StringBuilder("List of snapshots present on all disks:\n");
        if (snapshots.onAllDevices().isEmpty()) {
            out.append("None\n");
        } else {
            table(out, snapshots.onAllDevices(), true, zone);
        }
        for (DeviceSnapshots device : capable) {
            if (!device.partial().isEmpty()) {
                out.append("\nList of partial (non-loadable) snapshots on '").append(device.device()).append("':\n");
                table(out, device.partial(), false, zone);
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<SnapshotInfo> rows, boolean hideIds, ZoneId zone) {
        out.append(SnapshotTable.header()).append('\n');
        for (SnapshotInfo snapshot : rows) {
            out.append(hideIds ? SnapshotTable.row(snapshot, "--", zone) : SnapshotTable.row(snapshot, zone)).append('\n');
        }
    }
}
