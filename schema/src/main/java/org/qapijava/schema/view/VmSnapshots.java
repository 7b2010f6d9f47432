package org.qapijava.schema.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qapijava.schema.block.BlockDeviceInfo;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.SnapshotInfo;

/**
 * The VM snapshots of a QEMU, derived from its {@code query-block} reply the way QEMU 7.2 decides them for
 * {@code loadvm}, {@code savevm} and {@code info snapshots} when no device list is given.
 *
 * <p>The backends that take part are the inserted, writable ones, each root node once (see
 * {@link Participation}). A snapshot is <em>present on all disks</em> when every taking part backend has a
 * snapshot with its name (QEMU matches by name only; IDs differ between images), listed as the <em>VM state
 * device</em> lists it: the first capable backend, the one {@code savevm} writes the VM state to. None is
 * present on all disks when a backend takes part without being snapshot-capable ({@link SnapshotSupport}).
 * A snapshot is <em>loadable</em> when it is present on all disks, the VM state device's first snapshot of
 * that name carries VM state ({@code vm-state-size} &gt; 0; {@code loadvm} refuses a disk-only one), and no
 * taking part backend has dirty bitmaps (QEMU will not revert a node that has any, so {@code loadvm} fails).
 *
 * <p>Only what {@code query-block} shows is seen: block nodes added with {@code blockdev-add} that no
 * backend uses, which QEMU also includes, are not; nor are dirty bitmaps on a node below an explicit filter,
 * or images that are inactive during an incoming migration. Immutable.
 */
public final class VmSnapshots {
    private final List<DeviceSnapshots> devices;
    private final Optional<DeviceSnapshots> vmStateDevice;
    private final List<SnapshotInfo> onAllDevices;
    private final List<SnapshotInfo> loadable;

    private VmSnapshots(List<DeviceSnapshots> devices, Optional<DeviceSnapshots> vmStateDevice,
            List<SnapshotInfo> onAllDevices, List<SnapshotInfo> loadable) {
        this.devices = List.copyOf(devices);
        this.vmStateDevice = vmStateDevice;
        this.onAllDevices = List.copyOf(onAllDevices);
        this.loadable = List.copyOf(loadable);
    }

    /** The VM snapshots of the backends {@code query-block} returned, in its order. */
    public static VmSnapshots of(List<BlockInfo> blocks) {
        List<Backend> backends = new ArrayList<>();
        Set<String> nodes = new HashSet<>();
        for (BlockInfo block : blocks) {
            backends.add(Backend.of(block, nodes));
        }
        List<Backend> takingPart = backends.stream()
                .filter(b -> b.participation() == Participation.SNAPSHOTTED || b.participation() == Participation.BLOCKING)
                .toList();
        Optional<Backend> vmState = takingPart.stream()
                .filter(b -> b.participation() == Participation.SNAPSHOTTED).findFirst();

        List<SnapshotInfo> onAll = new ArrayList<>();
        if (vmState.isPresent() && takingPart.stream().allMatch(b -> b.participation() == Participation.SNAPSHOTTED)) {
            for (SnapshotInfo snapshot : vmState.get().snapshots()) {
                if (takingPart.stream().allMatch(b -> b.find(snapshot.name()).isPresent())) {
                    onAll.add(snapshot);
                }
            }
        }
        Map<String, SnapshotInfo> loadable = new LinkedHashMap<>();
        boolean revertible = takingPart.stream().noneMatch(Backend::hasDirtyBitmaps);
        for (SnapshotInfo snapshot : revertible ? onAll : List.<SnapshotInfo>of()) {
            SnapshotInfo first = vmState.get().find(snapshot.name()).orElseThrow();
            if (first.vmStateSize() > 0) {
                loadable.putIfAbsent(first.name(), first);
            }
        }

        Set<String> onAllNames = new HashSet<>();
        onAll.forEach(s -> onAllNames.add(s.name()));
        List<DeviceSnapshots> devices = new ArrayList<>();
        DeviceSnapshots vmStateDevice = null;
        for (Backend backend : backends) {
            List<SnapshotInfo> partial = backend.participation() != Participation.SNAPSHOTTED ? List.of()
                    : backend.snapshots().stream().filter(s -> !onAllNames.contains(s.name())).toList();
            DeviceSnapshots device = new DeviceSnapshots(backend.block().device(), backend.nodeName(),
                    backend.participation(), backend.snapshots(), partial, backend.hasDirtyBitmaps());
            devices.add(device);
            if (vmState.isPresent() && backend == vmState.get()) {
                vmStateDevice = device;
            }
        }
        return new VmSnapshots(devices, Optional.ofNullable(vmStateDevice), onAll, List.copyOf(loadable.values()));
    }

    /** Every backend, in {@code query-block} order, with its own snapshots. */
    public List<DeviceSnapshots> devices() {
        return devices;
    }

    /** The backend {@code savevm} writes the VM state to and {@code loadvm} reads it from; empty when none can. */
    public Optional<DeviceSnapshots> vmStateDevice() {
        return vmStateDevice;
    }

    /** Snapshots present on all disks, disk-only ones included, as the VM state device lists them. */
    public List<SnapshotInfo> onAllDevices() {
        return onAllDevices;
    }

    /** The snapshots {@code loadvm} accepts, one per name, as the VM state device lists them. */
    public List<SnapshotInfo> loadable() {
        return loadable;
    }

    /** The loadable snapshot of that name. */
    public Optional<SnapshotInfo> loadable(String name) {
        return loadable.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The backends that keep any VM snapshot from being taken or loaded. */
    public List<DeviceSnapshots> blockingDevices() {
        return devices.stream().filter(d -> d.participation() == Participation.BLOCKING).toList();
    }

    @Override
    public String toString() {
        return "VmSnapshots[devices=" + devices + ", vmStateDevice=" + vmStateDevice.map(DeviceSnapshots::device)
                + ", onAllDevices=" + onAllDevices + ", loadable=" + loadable + "]";
    }

    /** A backend while the snapshots are worked out. */
    private record Backend(BlockInfo block, Participation participation, List<SnapshotInfo> snapshots) {
        static Backend of(BlockInfo block, Set<String> nodesSeen) {
            Optional<BlockDeviceInfo> inserted = block.inserted();
            if (inserted.isEmpty()) {
                return new Backend(block, Participation.NO_MEDIUM, List.of());
            }
            BlockDeviceInfo root = inserted.get();
            List<SnapshotInfo> snapshots = root.image().snapshots().orElse(List.of());
            Participation participation;
            if (root.nodeName().isPresent() && !nodesSeen.add(root.nodeName().get())) {
                participation = Participation.SHARED_NODE;
            } else if (root.ro()) {
                participation = Participation.READ_ONLY;
            } else if (SnapshotSupport.of(root.image())) {
                participation = Participation.SNAPSHOTTED;
            } else {
                participation = Participation.BLOCKING;
            }
            return new Backend(block, participation, snapshots);
        }

        Optional<String> nodeName() {
            return block.inserted().flatMap(BlockDeviceInfo::nodeName);
        }

        boolean hasDirtyBitmaps() {
            return block.inserted().flatMap(BlockDeviceInfo::dirtyBitmaps).map(b -> !b.isEmpty()).orElse(false);
        }

        Optional<SnapshotInfo> find(String name) {
            return snapshots.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }
}
