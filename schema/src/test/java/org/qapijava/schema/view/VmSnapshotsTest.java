package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.qapijava.schema.view.Fixtures.drive;
import static org.qapijava.schema.view.Fixtures.empty;
import static org.qapijava.schema.view.Fixtures.image;
import static org.qapijava.schema.view.Fixtures.snapshot;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapijava.schema.block.BlockDirtyInfo;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.ImageInfo;
import org.qapijava.schema.block.SnapshotInfo;

class VmSnapshotsTest {
    private static final SnapshotInfo VM1_A = snapshot("1", "vm1", 765);
    private static final SnapshotInfo VM1_B = snapshot("7", "vm1", 0);
    private static final SnapshotInfo DISK_A = snapshot("2", "disk", 0);
    private static final SnapshotInfo DISK_B = snapshot("3", "disk", 0);
    private static final SnapshotInfo ONLY_A = snapshot("3", "only-a", 4096);

    @Test
    void capturedReplyAfterSnapshotSave() {
        VmSnapshots vm = VmSnapshots.of(Fixtures.queryBlock("query-block-after-snapshot-save.json"));

        assertThat(vm.vmStateDevice()).map(DeviceSnapshots::device).contains("drive0");
        assertThat(vm.onAllDevices()).extracting(SnapshotInfo::name).containsExactly("top-snap1", "vm-snap");
        assertThat(vm.loadable()).extracting(SnapshotInfo::name).containsExactly("vm-snap");
        assertThat(vm.loadable("vm-snap")).map(SnapshotInfo::vmStateSize).contains(765L);
        assertThat(vm.loadable("top-snap1")).isEmpty();
        DeviceSnapshots drive0 = vm.devices().get(0);
        assertThat(drive0.participation()).isEqualTo(Participation.SNAPSHOTTED);
        assertThat(drive0.nodeName()).contains("top-fmt");
        assertThat(drive0.snapshots()).extracting(SnapshotInfo::name).containsExactly("top-snap1", "vm-snap");
        assertThat(drive0.partial()).isEmpty();
    }

    @Test
    void backingImageSnapshotsAreNotTheDevices() {
        VmSnapshots vm = VmSnapshots.of(Fixtures.queryBlock("query-block.json"));

        assertThat(vm.devices().get(0).snapshots()).extracting(SnapshotInfo::name).containsExactly("top-snap1");
        assertThat(vm.onAllDevices()).extracting(SnapshotInfo::name).containsExactly("top-snap1");
        assertThat(vm.loadable()).isEmpty(); // top-snap1 is disk-only
    }

    @Test
    void aSnapshotOnEveryDeviceIsLoadableOneOnSomeIsPartial() {
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("a", false, image("qcow2", VM1_A, DISK_A, ONLY_A)),
                drive("b", false, image("qcow2", DISK_B, VM1_B))));

        assertThat(vm.vmStateDevice()).map(DeviceSnapshots::device).contains("a");
        assertThat(vm.onAllDevices()).containsExactly(VM1_A, DISK_A); // as the VM state device lists them
        assertThat(vm.loadable()).containsExactly(VM1_A);
        assertThat(vm.devices().get(0).partial()).containsExactly(ONLY_A);
        assertThat(vm.devices().get(1).partial()).isEmpty();
        assertThat(vm.blockingDevices()).isEmpty();
    }

    @Test
    void theVmStateDeviceDecidesWhetherASnapshotCarriesVmState() {
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("b", false, image("qcow2", DISK_B, VM1_B)),
                drive("a", false, image("qcow2", VM1_A, DISK_A))));

        assertThat(vm.vmStateDevice()).map(DeviceSnapshots::device).contains("b");
        assertThat(vm.onAllDevices()).containsExactly(DISK_B, VM1_B);
        assertThat(vm.loadable()).isEmpty(); // b's vm1 has no VM state: loadvm would refuse it
    }

    @Test
    void theFirstSnapshotOfANameCounts() {
        SnapshotInfo again = snapshot("9", "vm1", 0);
        VmSnapshots vm = VmSnapshots.of(List.of(drive("a", false, image("qcow2", again, VM1_A))));

        assertThat(vm.onAllDevices()).containsExactly(again, VM1_A);
        assertThat(vm.loadable()).isEmpty();

        VmSnapshots reversed = VmSnapshots.of(List.of(drive("a", false, image("qcow2", VM1_A, again))));
        assertThat(reversed.loadable()).containsExactly(VM1_A);
    }

    @Test
    void aSnapshotMissingOnOneDeviceIsNotOnAllDevices() {
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("a", false, image("qcow2", VM1_A, DISK_A)),
                drive("b", false, image("qcow2", DISK_B))));

        assertThat(vm.onAllDevices()).containsExactly(DISK_A);
        assertThat(vm.loadable()).isEmpty();
        assertThat(vm.devices().get(0).partial()).containsExactly(VM1_A);
    }

    @Test
    void aCapableDeviceWithoutSnapshotsMakesEverySnapshotPartial() {
        // an image with no snapshots has no "snapshots" member: qcow2 is still capable
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("a", false, image("qcow2", VM1_A)),
                drive("b", false, image("qcow2"))));

        assertThat(vm.devices().get(1).participation()).isEqualTo(Participation.SNAPSHOTTED);
        assertThat(vm.onAllDevices()).isEmpty();
        assertThat(vm.devices().get(0).partial()).containsExactly(VM1_A);
    }

    @Test
    void readOnlyAndEmptyDevicesAreIgnored() {
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("cdrom", true, image("raw")),
                drive("ro-qcow2", true, image("qcow2", DISK_B)),
                empty("floppy"),
                drive("a", false, image("qcow2", VM1_A))));

        assertThat(vm.devices()).extracting(DeviceSnapshots::participation).containsExactly(
                Participation.READ_ONLY, Participation.READ_ONLY, Participation.NO_MEDIUM, Participation.SNAPSHOTTED);
        assertThat(vm.vmStateDevice()).map(DeviceSnapshots::device).contains("a");
        assertThat(vm.loadable()).containsExactly(VM1_A);
        assertThat(vm.devices().get(1).snapshots()).containsExactly(DISK_B);
        assertThat(vm.devices().get(1).partial()).isEmpty(); // not taking part, so nothing of it is partial
    }

    @Test
    void aWritableDeviceWithoutSnapshotSupportBlocksEveryVmSnapshot() {
        // QEMU: "Device 'data' is writable but does not support snapshots"; nothing is on all disks
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("a", false, image("qcow2", VM1_A, DISK_A)),
                drive("data", false, image("raw"))));

        assertThat(vm.blockingDevices()).extracting(DeviceSnapshots::device).containsExactly("data");
        assertThat(vm.vmStateDevice()).map(DeviceSnapshots::device).contains("a");
        assertThat(vm.onAllDevices()).isEmpty();
        assertThat(vm.loadable()).isEmpty();
        assertThat(vm.devices().get(0).partial()).containsExactly(VM1_A, DISK_A);
    }

    @Test
    void noWritableCapableDeviceMeansNoVmStateDevice() {
        VmSnapshots vm = VmSnapshots.of(List.of(drive("ro", true, image("qcow2", VM1_A)), empty("e")));

        assertThat(vm.vmStateDevice()).isEmpty();
        assertThat(vm.onAllDevices()).isEmpty();
        assertThat(vm.loadable()).isEmpty();
        assertThat(VmSnapshots.of(List.of()).vmStateDevice()).isEmpty();
    }

    @Test
    void aFilterOverQcow2IsCapableThroughItsChild() {
        ImageInfo filter = image("copy-on-read").toBuilder().backingImage(image("qcow2")).build();
        VmSnapshots vm = VmSnapshots.of(List.of(drive("a", false, image("qcow2", VM1_A)), drive("cor", false, filter)));

        assertThat(vm.devices().get(1).participation()).isEqualTo(Participation.SNAPSHOTTED);
        assertThat(vm.blockingDevices()).isEmpty();
    }

    @Test
    void dirtyBitmapsOnATakingPartDeviceMakeNothingLoadable() {
        // QEMU refuses to revert a node with dirty bitmaps: "Device has active dirty bitmaps"
        BlockInfo withBitmaps = withBitmaps(drive("b", false, image("qcow2", VM1_B)));
        VmSnapshots vm = VmSnapshots.of(List.of(drive("a", false, image("qcow2", VM1_A)), withBitmaps));

        assertThat(vm.onAllDevices()).containsExactly(VM1_A); // info snapshots still lists it
        assertThat(vm.loadable()).isEmpty();
        assertThat(vm.devices()).extracting(DeviceSnapshots::hasDirtyBitmaps).containsExactly(false, true);

        BlockInfo readOnlyWithBitmaps = withBitmaps(drive("ro", true, image("qcow2")));
        VmSnapshots ignored = VmSnapshots.of(List.of(drive("a", false, image("qcow2", VM1_A)), readOnlyWithBitmaps));
        assertThat(ignored.loadable()).containsExactly(VM1_A);
    }

    @Test
    void capturedReplyWithDirtyBitmaps() {
        VmSnapshots vm = VmSnapshots.of(Fixtures.queryBlock("extra-query-block-bitmaps.json"));
        assertThat(vm.devices()).extracting(DeviceSnapshots::device, DeviceSnapshots::hasDirtyBitmaps)
                .containsExactly(tuple("drive-bm", true), tuple("drive-bad", false));
    }

    private static BlockInfo withBitmaps(BlockInfo block) {
        BlockDirtyInfo bitmap = BlockDirtyInfo.builder().name("bm").count(0).granularity(65536).recording(true)
                .busy(false).persistent(false).build();
        return block.toBuilder().inserted(block.inserted().orElseThrow().toBuilder()
                .dirtyBitmaps(List.of(bitmap)).build()).build();
    }

    @Test
    void aBackendSharingAnEarlierBackendsNodeCountsOnce() {
        VmSnapshots vm = VmSnapshots.of(List.of(
                drive("a", "n", false, image("qcow2", VM1_A, ONLY_A)),
                drive("a2", "n", false, image("qcow2", VM1_A, ONLY_A)),
                drive("b", false, image("qcow2", VM1_B))));

        assertThat(vm.devices()).extracting(DeviceSnapshots::participation).containsExactly(
                Participation.SNAPSHOTTED, Participation.SHARED_NODE, Participation.SNAPSHOTTED);
        assertThat(vm.devices().get(0).partial()).containsExactly(ONLY_A);
        assertThat(vm.devices().get(1).partial()).isEmpty();
        assertThat(vm.loadable()).containsExactly(VM1_A);
    }
}
