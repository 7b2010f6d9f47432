package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qapijava.schema.view.Fixtures.drive;
import static org.qapijava.schema.view.Fixtures.empty;
import static org.qapijava.schema.view.Fixtures.image;
import static org.qapijava.schema.view.Fixtures.snapshot;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapijava.schema.block.BlockInfo;

/**
 * Exact {@code info snapshots} text. The expectations for the captured replies are what QEMU 7.2 printed in
 * the same capture run (scripts/capture, TZ=UTC), with CRLF made LF.
 */
class InfoSnapshotsRendererTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final String HEADER = "ID        TAG               VM SIZE                DATE     VM CLOCK     ICOUNT\n";

    private static String render(List<BlockInfo> blocks) {
        return InfoSnapshotsRenderer.render(VmSnapshots.of(blocks), UTC);
    }

    @Test
    void capturedReplyWithADiskOnlySnapshot() {
        assertThat(render(Fixtures.queryBlock("query-block.json"))).isEqualTo(
                "List of snapshots present on all disks:\n"
                + HEADER
                + "--        top-snap1             0 B 2026-11-22 05:18:37 00:00:00.000          0\n");
    }

    @Test
    void capturedReplyAfterSnapshotSave() {
        assertThat(render(Fixtures.queryBlock("query-block-after-snapshot-save.json"))).isEqualTo(
                "List of snapshots present on all disks:\n"
                + HEADER
                + "--        top-snap1             0 B 2026-11-22 05:18:37 00:00:00.000          0\n"
                + "--        vm-snap             765 B 2026-11-22 05:18:37 00:00:00.147           \n");
    }

    @Test
    void partialSnapshotsAreListedPerDeviceWithTheirIds() {
        List<BlockInfo> blocks = List.of(
                drive("drive0", false, image("qcow2", snapshot("1", "vm1", 1_280_000), snapshot("2", "mine", 0))),
                drive("cdrom", true, image("qcow2", snapshot("4", "ro-snap", 0))),
                drive("drive1", false, image("qcow2", snapshot("5", "vm1", 0), snapshot("6", "other", 0))));

        assertThat(render(blocks)).isEqualTo(
                "List of snapshots present on all disks:\n"
                + HEADER
                + "--        vm1              1.22 MiB 2023-11-14 22:13:20 00:00:00.000           \n"
                + "\n"
                + "List of partial (non-loadable) snapshots on 'drive0':\n"
                + HEADER
                + "2         mine                  0 B 2023-11-14 22:13:20 00:00:00.000           \n"
                + "\n"
                + "List of partial (non-loadable) snapshots on 'drive1':\n"
                + HEADER
                + "6         other                 0 B 2023-11-14 22:13:20 00:00:00.000           \n");
    }

    @Test
    void aBlockingDeviceLeavesNothingOnAllDisks() {
        List<BlockInfo> blocks = List.of(
                drive("drive0", false, image("qcow2", snapshot("1", "vm1", 765))),
                drive("data", false, image("raw")));

        assertThat(render(blocks)).isEqualTo(
                "List of snapshots present on all disks:\n"
                + "None\n"
                + "\n"
                + "List of partial (non-loadable) snapshots on 'drive0':\n"
                + HEADER
                + "1         vm1                 765 B 2023-11-14 22:13:20 00:00:00.000           \n");
    }

    @Test
    void noSnapshotOnACapableWritableDevice() {
        List<BlockInfo> blocks = List.of(
                drive("drive0", false, image("qcow2")),
                drive("cdrom", true, image("qcow2", snapshot("1", "ro-snap", 0))));

        assertThat(render(blocks)).isEqualTo("There is no snapshot available.\n");
    }

    @Test
    void noDeviceForTheVmState() {
        assertThat(render(List.of(drive("cdrom", true, image("qcow2", snapshot("1", "s", 0))), empty("e"))))
                .isEqualTo("no block device can store vmstate for snapshot\n");
        assertThat(render(List.of())).isEqualTo("no block device can store vmstate for snapshot\n");
    }

    @Test
    void datesFollowTheZone() {
        String text = InfoSnapshotsRenderer.render(VmSnapshots.of(Fixtures.queryBlock("query-block.json")),
                ZoneId.of("Asia/Kolkata"));
        assertThat(text).contains(" 2026-11-22 10:48:37 ");
    }
}
