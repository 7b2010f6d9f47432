package org.qapijava.schema.view;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.schema.block.BlockDeviceInfo;
import org.qapijava.schema.block.BlockDeviceIoStatus;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.BlockdevCacheInfo;
import org.qapijava.schema.block.BlockdevDetectZeroesOptions;

/**
 * The text of the monitor's {@code info block} for a {@code query-block} reply: per backend its name and
 * root node, file, driver and flags, the guest device, I/O status, tray, cache mode, backing file with the
 * chain depth, zero detection and I/O limits, with a blank line between backends. The verbose form
 * ({@code info block -v}) adds every image of the backing chain ({@link ImageInfoRenderer}). Lines end with
 * {@code \n}; the monitor itself sends {@code \r\n}.
 */
public final class InfoBlockRenderer {
    private InfoBlockRenderer() {}

    /** {@code info block}. */
    public static String render(List<BlockInfo> blocks) {
        return render(blocks, false, ZoneId.systemDefault());
    }

    /** {@code info block -v}, snapshot dates in the system time zone. */
    public static String renderVerbose(List<BlockInfo> blocks) {
        return renderVerbose(blocks, ZoneId.systemDefault());
    }

    /** {@code info block -v}, snapshot dates in {@code zone}. */
    public static String renderVerbose(List<BlockInfo> blocks, ZoneId zone) {
        return render(blocks, true, zone);
    }

    private static String render(List<BlockInfo> blocks, boolean verbose, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            backend(out, blocks.get(i), verbose, zone);
        }
        return out.toString();
    }

    private static void backend(StringBuilder out, BlockInfo info, boolean verbose, ZoneId zone) {
        Optional<BlockDeviceInfo> inserted = info.inserted();
        Optional<String> nodeName = inserted.flatMap(BlockDeviceInfo::nodeName);
        if (!info.device().isEmpty()) {
            out.append(info.device());
            nodeName.ifPresent(name -> out.append(" (").append(name).append(')'));
        } else {
            out.append(nodeName.or(info::qdev).orElse("<anonymous>"));
        }
        if (inserted.isPresent()) {
            BlockDeviceInfo root = inserted.get();
            out.append(": ").append(root.file()).append(" (").append(root.drv())
                    .append(root.ro() ? ", read-only" : "").append(root.encrypted() ? ", encrypted" : "").append(")\n");
        } else {
            out.append(": [not inserted]\n");
        }
        info.qdev().ifPresent(qdev -> out.append("    Attached to:      ").append(qdev).append('\n'));
        info.ioStatus().filter(status -> status != BlockDeviceIoStatus.OK).ifPresent(status -> out
                .append("    I/O status:       ").append(wire(status.wireName(), info.unknownFields(), "io-status"))
                .append('\n'));
        if (info.removable()) {
            out.append("    Removable device: ").append(info.locked() ? "" : "not ").append("locked, tray ")
                    .append(info.trayOpen().orElse(false) ? "open" : "closed").append('\n');
        }
        if (inserted.isEmpty()) {
            return;
        }
        BlockDeviceInfo root = inserted.get();
        BlockdevCacheInfo cache = root.cache();
        out.append("    Cache mode:       ").append(cache.writeback() ? "writeback" : "writethrough")
                .append(cache.direct() ? ", direct" : "").append(cache.noFlush() ? ", ignore flushes" : "").append('\n');
        root.backingFile().ifPresent(backing -> out.append("    Backing file:     ").append(backing)
                .append(" (chain depth: ").append(root.backingFileDepth()).append(")\n"));
        if (root.detectZeroes() != BlockdevDetectZeroesOptions.OFF) {
            out.append("    Detect zeroes:    ")
                    .append(wire(root.detectZeroes().wireName(), root.unknownFields(), "detect_zeroes")).append('\n');
        }
        if (root.bps() != 0 || root.bpsRd() != 0 || root.bpsWr() != 0
                || root.iops() != 0 || root.iopsRd() != 0 || root.iopsWr() != 0) {
            throttling(out, root);
        }
        if (verbose) {
            out.append("\nImages:\n").append(ImageInfoRenderer.chain(root.image(), zone));
        }
    }

    /** The limits line; limits QMP leaves out are 0, as in QEMU. */
    private static void throttling(StringBuilder out, BlockDeviceInfo root) {
        out.append("    I/O throttling:   bps=").append(root.bps())
                .append(" bps_rd=").append(root.bpsRd())
                .append(" bps_wr=").append(root.bpsWr())
                .append(" bps_max=").append(root.bpsMax().orElse(0L))
                .append(" bps_rd_max=").append(root.bpsRdMax().orElse(0L))
                .append(" bps_wr_max=").append(root.bpsWrMax().orElse(0L))
                .append(" iops=").append(root.iops())
                .append(" iops_rd=").append(root.iopsRd())
                .append(" iops_wr=").append(root.iopsWr())
                .append(" iops_max=").append(root.iopsMax().orElse(0L))
                .append(" iops_rd_max=").append(root.iopsRdMax().orElse(0L))
                .append(" iops_wr_max=").append(root.iopsWrMax().orElse(0L))
                .append(" iops_size=").append(root.iopsSize().orElse(0L))
                .append(" group=").append(root.group().orElse("")).append('\n');
    }

    /** An enum member's wire string; for a value this version does not know, the one its object kept. */
    private static String wire(String known, UnknownFields unknown, String member) {
        return known != null ? known : unknown.enumValues().getOrDefault(member, "?");
    }
}
