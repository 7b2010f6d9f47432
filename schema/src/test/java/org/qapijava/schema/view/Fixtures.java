package org.qapijava.schema.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.schema.block.BlockDeviceInfo;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.BlockdevCacheInfo;
import org.qapijava.schema.block.BlockdevDetectZeroesOptions;
import org.qapijava.schema.block.ImageInfo;
import org.qapijava.schema.block.SnapshotInfo;
import org.qapijava.schema.block.command.CommandDescriptors;

/** Captured QEMU 7.2 replies decoded with the generated codecs, and hand-built typed objects. */
final class Fixtures {
    private Fixtures() {}

    /** The {@code return} of a captured {@code query-block} reply in src/test/resources/qemu-7.2, decoded STRICT. */
    static List<BlockInfo> queryBlock(String file) {
        JsonValue reply = WireReader.of(resource(file), DecodePolicy.STRICT).read(WireReader::readAny);
        JsonValue returned = ((JsonValue.JsonObject) reply).get("return");
        return WireReader.of(returned, DecodePolicy.STRICT).read(CommandDescriptors.QUERY_BLOCK.resultDecoder());
    }

    static byte[] resource(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/qemu-7.2/" + file)) {
            if (in == null) {
                throw new IOException("no test resource qemu-7.2/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SnapshotInfo snapshot(String id, String name, long vmStateSize) {
        return new SnapshotInfo(id, name, vmStateSize, 1_700_000_000L, 0, 0, 0, Optional.empty());
    }

    /** An image of a format; snapshots absent when the list is empty, as QEMU sends it. */
    static ImageInfo image(String format, SnapshotInfo... snapshots) {
        ImageInfo.Builder image = ImageInfo.builder().filename("/images/" + format + ".img").format(format)
                .virtualSize(1 << 20);
        if (snapshots.length > 0) {
            image.snapshots(List.of(snapshots));
        }
        return image.build();
    }

    static BlockInfo drive(String device, boolean readOnly, ImageInfo image) {
        return drive(device, device + "-node", readOnly, image);
    }

    static BlockInfo drive(String device, String nodeName, boolean readOnly, ImageInfo image) {
        return BlockInfo.builder().device(device).type("unknown").removable(true).locked(false)
                .inserted(node(nodeName, readOnly, image)).build();
    }

    /** A root node; without a node name when {@code nodeName} is null. */
    static BlockDeviceInfo node(String nodeName, boolean readOnly, ImageInfo image) {
        BlockDeviceInfo.Builder node = BlockDeviceInfo.builder();
        if (nodeName != null) {
            node.nodeName(nodeName);
        }
        return node.file(image.filename()).ro(readOnly)
                .drv(image.format()).backingFileDepth(0).encrypted(false)
                .detectZeroes(BlockdevDetectZeroesOptions.OFF).bps(0).bpsRd(0).bpsWr(0).iops(0).iopsRd(0).iopsWr(0)
                .image(image).cache(new BlockdevCacheInfo(true, false, false)).writeThreshold(0).build();
    }

    static BlockInfo empty(String device) {
        return BlockInfo.builder().device(device).type("unknown").removable(true).locked(false).build();
    }
}
