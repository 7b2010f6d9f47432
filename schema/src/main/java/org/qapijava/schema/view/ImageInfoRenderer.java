package org.qapijava.schema.view;

import java.time.ZoneId;
import java.util.List;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.json.JsonValue.JsonObject;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.runtime.wire.WireWriter;
import org.qapijava.schema.block.ImageInfo;
import org.qapijava.schema.block.ImageInfoSpecific;
import org.qapijava.schema.block.SnapshotInfo;

/**
 * One image as QEMU describes it in {@code info block -v} (and {@code qemu-img info}): file, format, sizes,
 * cluster size, backing file, the image's snapshot table and its format specific details. Every line ends
 * with {@code \n}. The backing image is not included; {@link #chain} walks the backing chain.
 */
public final class ImageInfoRenderer {
    private ImageInfoRenderer() {}

    /** The image and every image below it in its backing chain, top first. */
    public static String chain(ImageInfo image, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (ImageInfo current = image; current != null; current = current.backingImage().orElse(null)) {
            out.append(render(current, zone));
        }
        return out.toString();
    }

    /** This image alone; snapshot dates in {@code zone}. */
    public static String render(ImageInfo image, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("image: ").append(image.filename()).append('\n');
        out.append("file format: ").append(image.format()).append('\n');
        out.append("virtual size: ").append(HumanSize.of(image.virtualSize()))
                .append(" (").append(image.virtualSize()).append(" bytes)\n");
        out.append("disk size: ").append(image.actualSize().map(HumanSize::of).orElse("unavailable")).append('\n');
        if (image.encrypted().orElse(false)) {
            out.append("encrypted: yes\n");
        }
        image.clusterSize().ifPresent(size -> out.append("cluster_size: ").append(size).append('\n'));
        if (image.dirtyFlag().orElse(false)) {
            out.append("cleanly shut down: no\n");
        }
        image.backingFilename().ifPresent(backing -> {
            out.append("backing file: ").append(backing);
            if (image.fullBackingFilename().isEmpty()) {
                out.append(" (cannot determine actual path)");
            } else if (!image.fullBackingFilename().get().equals(backing)) {
                out.append(" (actual path: ").append(image.fullBackingFilename().get()).append(')');
            }
            out.append('\n');
            image.backingFilenameFormat().ifPresent(format -> out.append("backing file format: ").append(format).append('\n'));
        });
        image.snapshots().ifPresent(snapshots -> snapshotList(out, snapshots, zone));
        image.formatSpecific().ifPresent(specific -> {
            out.append("Format specific information:\n");
            MonitorDump.dump(out, 1, details(specific));
        });
        return out.toString();
    }

    private static void snapshotList(StringBuilder out, List<SnapshotInfo> snapshots, ZoneId zone) {
        out.append("Snapshot list:\n").append(SnapshotTable.header()).append('\n');
        for (SnapshotInfo snapshot : snapshots) {
            out.append(SnapshotTable.row(snapshot, zone)).append('\n');
        }
    }

    /**
     * The details under the union's {@code data} key, as JSON written by the generated encoder: every format
     * (and, after a lenient decode, members and branches this version does not know) dumps the same way.
     */
    private static JsonValue details(ImageInfoSpecific specific) {
        byte[] json = WireWriter.toBytes(ImageInfoSpecific::encode, specific);
        JsonObject object = (JsonObject) WireReader.of(json, DecodePolicy.STRICT).read(WireReader::readAny);
        JsonValue data = object.get("data");
        return data == null ? JsonObject.EMPTY : data;
    }
}
