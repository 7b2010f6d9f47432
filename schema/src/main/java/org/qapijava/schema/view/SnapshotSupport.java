package org.qapijava.schema.view;

import java.util.Set;
import org.qapijava.schema.block.ImageInfo;

/**
 * Whether a block node can hold internal snapshots, inferred from what {@code query-block} reports.
 *
 * <p>QEMU decides it by the node's driver: the driver implements internal snapshots (in QEMU 7.2 only
 * {@code qcow2} and {@code rbd} do), or the node has a single data child (a filter such as
 * {@code copy-on-read}, or a {@code raw} node over its protocol node) and that child can. QMP does not say
 * which drivers implement snapshots, so a node counts as capable when:
 * <ol>
 * <li>its format is {@code qcow2} or {@code rbd}; or</li>
 * <li>its image lists snapshots: QEMU fills {@code snapshots} from the same snapshot listing (fallback
 * included) that savevm and loadvm use, and only a capable node can list any. The member is absent both
 * for an incapable node and for a capable one with no snapshots, which is why rule 1 comes first; or</li>
 * <li>it is a filter, seen as a {@code backing-image} without a {@code backing-filename} (a format node's
 * backing file is named in its header; a filter's child has no name there), and its child is capable.</li>
 * </ol>
 * Known gap: a {@code raw} node over an {@code rbd} protocol node that has no snapshots yet looks incapable,
 * because {@code query-block} does not show the protocol node.
 */
public final class SnapshotSupport {
    private static final Set<String> SNAPSHOT_FORMATS = Set.of("qcow2", "rbd");

    private SnapshotSupport() {}

    /** Whether QEMU can take internal snapshots of the node that {@code image} describes. */
    public static boolean of(ImageInfo image) {
        if (SNAPSHOT_FORMATS.contains(image.format()) || image.snapshots().isPresent()) {
            return true;
        }
        return image.backingFilename().isEmpty() && image.backingImage().map(SnapshotSupport::of).orElse(false);
    }
}
