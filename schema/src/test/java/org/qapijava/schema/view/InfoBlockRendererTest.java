package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qapijava.schema.view.Fixtures.drive;
import static org.qapijava.schema.view.Fixtures.empty;
import static org.qapijava.schema.view.Fixtures.image;
import static org.qapijava.schema.view.Fixtures.node;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.schema.block.BlockDeviceInfo;
import org.qapijava.schema.block.BlockDeviceIoStatus;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.BlockdevCacheInfo;
import org.qapijava.schema.block.BlockdevDetectZeroesOptions;

/** Exact {@code info block} text; the captured reply's expectation is what QEMU 7.2 printed in the same run. */
class InfoBlockRendererTest {
    @Test
    void capturedReply() {
        assertThat(InfoBlockRenderer.render(Fixtures.queryBlock("query-block.json"))).isEqualTo(
                "drive0 (top-fmt): /tmp/qemu-fixture/top.qcow2 (qcow2)\n"
                + "    Removable device: not locked, tray closed\n"
                + "    Cache mode:       writeback\n"
                + "    Backing file:     /tmp/qemu-fixture/base.qcow2 (chain depth: 1)\n");
    }

    @Test
    void capturedReplyVerboseShowsEveryImageOfTheChain() {
        assertThat(InfoBlockRenderer.renderVerbose(Fixtures.queryBlock("query-block.json"), ZoneOffset.UTC)).isEqualTo(
                "drive0 (top-fmt): /tmp/qemu-fixture/top.qcow2 (qcow2)\n"
                + "    Removable device: not locked, tray closed\n"
                + "    Cache mode:       writeback\n"
                + "    Backing file:     /tmp/qemu-fixture/base.qcow2 (chain depth: 1)\n"
                + "\n"
                + "Images:\n"
                + "image: /tmp/qemu-fixture/top.qcow2\n"
                + "file format: qcow2\n"
                + "virtual size: 64 MiB (67108864 bytes)\n"
                + "disk size: 204 KiB\n"
                + "cluster_size: 65536\n"
                + "backing file: /tmp/qemu-fixture/base.qcow2\n"
                + "backing file format: qcow2\n"
                + "Snapshot list:\n"
                + "ID        TAG               VM SIZE                DATE     VM CLOCK     ICOUNT\n"
                + "1         top-snap1             0 B 2026-11-22 05:18:37 00:00:00.000          0\n"
                + "Format specific information:\n"
                + "    compat: 1.1\n"
                + "    compression type: zlib\n"
                + "    lazy refcounts: false\n"
                + "    refcount bits: 16\n"
                + "    corrupt: false\n"
                + "    extended l2: false\n"
                + "image: /tmp/qemu-fixture/base.qcow2\n"
                + "file format: qcow2\n"
                + "virtual size: 64 MiB (67108864 bytes)\n"
                + "disk size: 204 KiB\n"
                + "cluster_size: 65536\n"
                + "Snapshot list:\n"
                + "ID        TAG               VM SIZE                DATE     VM CLOCK     ICOUNT\n"
                + "1         base-snap1            0 B 2026-11-22 05:18:37 00:00:00.000          0\n"
                + "Format specific information:\n"
                + "    compat: 1.1\n"
                + "    compression type: zlib\n"
                + "    lazy refcounts: false\n"
                + "    refcount bits: 16\n"
                + "    corrupt: false\n"
                + "    extended l2: false\n");
    }

    @Test
    void backendsAreSeparatedByABlankLineAndEmptyOnesShowNotInserted() {
        BlockInfo cdrom = empty("ide1-cd0").toBuilder().qdev("/machine/unattached/device[23]").trayOpen(true)
                .locked(true).build();
        BlockInfo disk = drive("virtio0", true, image("raw")).toBuilder().removable(false).build();

        assertThat(InfoBlockRenderer.render(List.of(cdrom, disk))).isEqualTo(
                "ide1-cd0: [not inserted]\n"
                + "    Attached to:      /machine/unattached/device[23]\n"
                + "    Removable device: locked, tray open\n"
                + "\n"
                + "virtio0 (virtio0-node): /images/raw.img (raw, read-only)\n"
                + "    Cache mode:       writeback\n");
        assertThat(InfoBlockRenderer.render(List.of())).isEmpty();
    }

    @Test
    void everyOptionalLineOfAnInsertedBackend() {
        BlockDeviceInfo root = node("n0", false, image("qcow2")).toBuilder().encrypted(true)
                .cache(new BlockdevCacheInfo(false, true, true)).backingFile("/images/base.qcow2").backingFileDepth(3)
                .detectZeroes(BlockdevDetectZeroesOptions.UNMAP).bps(1000).iopsWr(20).bpsMax(2000L).iopsSize(4096L)
                .group("g0").build();
        BlockInfo info = BlockInfo.builder().device("disk0").qdev("virtio-disk0").type("unknown").removable(false)
                .locked(false).inserted(root).ioStatus(BlockDeviceIoStatus.NOSPACE).build();

        assertThat(InfoBlockRenderer.render(List.of(info))).isEqualTo(
                "disk0 (n0): /images/qcow2.img (qcow2, encrypted)\n"
                + "    Attached to:      virtio-disk0\n"
                + "    I/O status:       nospace\n"
                + "    Cache mode:       writethrough, direct, ignore flushes\n"
                + "    Backing file:     /images/base.qcow2 (chain depth: 3)\n"
                + "    Detect zeroes:    unmap\n"
                + "    I/O throttling:   bps=1000 bps_rd=0 bps_wr=0 bps_max=2000 bps_rd_max=0 bps_wr_max=0"
                + " iops=0 iops_rd=0 iops_wr=20 iops_max=0 iops_rd_max=0 iops_wr_max=0 iops_size=4096 group=g0\n");
    }

    @Test
    void aBackendWithoutANameIsShownByNodeNameThenGuestDevice() {
        BlockInfo byNode = drive("", "node7", false, image("qcow2"));
        BlockInfo byQdev = empty("").toBuilder().qdev("/machine/peripheral/cd").build();
        BlockInfo anonymous = empty("").toBuilder().removable(false).build();
        BlockInfo noNodeName = drive("d", null, false, image("raw"));

        assertThat(InfoBlockRenderer.render(List.of(byNode, byQdev, anonymous, noNodeName))).isEqualTo(
                "node7: /images/qcow2.img (qcow2)\n"
                + "    Removable device: not locked, tray closed\n"
                + "    Cache mode:       writeback\n"
                + "\n"
                + "/machine/peripheral/cd: [not inserted]\n"
                + "    Attached to:      /machine/peripheral/cd\n"
                + "    Removable device: not locked, tray closed\n"
                + "\n"
                + "<anonymous>: [not inserted]\n"
                + "\n"
                + "d: /images/raw.img (raw)\n"
                + "    Removable device: not locked, tray closed\n"
                + "    Cache mode:       writeback\n");
    }

    @Test
    void statusOkIsNotShownAndAnUnknownStatusShowsItsWireString() {
        BlockInfo ok = empty("a").toBuilder().ioStatus(BlockDeviceIoStatus.OK).removable(false).build();
        BlockInfo unknown = empty("b").toBuilder().ioStatus(BlockDeviceIoStatus.UNRECOGNIZED).removable(false)
                .unknownFields(new UnknownFields(Map.of(), Map.of("io-status", "degraded"))).build();

        assertThat(InfoBlockRenderer.render(List.of(ok, unknown))).isEqualTo(
                "a: [not inserted]\n\nb: [not inserted]\n    I/O status:       degraded\n");
    }
}
