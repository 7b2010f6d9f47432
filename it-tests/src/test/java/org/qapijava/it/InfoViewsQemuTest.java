package org.qapijava.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.runtime.qmp.QmpClient;
import org.qapijava.runtime.qmp.QmpOptions;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.SnapshotInfo;
import org.qapijava.schema.block.command.BlockdevSnapshotDeleteInternalSyncArguments;
import org.qapijava.schema.block.command.QmpCommands;
import org.qapijava.schema.view.DeviceSnapshots;
import org.qapijava.schema.view.InfoBlockRenderer;
import org.qapijava.schema.view.InfoSnapshotsRenderer;
import org.qapijava.schema.view.Participation;
import org.qapijava.schema.view.VmSnapshots;

/**
 * The oracle for the views: our text, rendered from nothing but the typed {@code query-block} result, equals
 * QEMU 7.2's own {@code info snapshots}, {@code info block} and {@code info block -v} (asked through
 * {@code human-monitor-command} right after {@code query-block}), and {@link VmSnapshots#loadable()} agrees
 * with what QEMU's {@code loadvm} accepts, for every snapshot name any device has.
 *
 * <p>The one normalisation: the monitor ends its lines with {@code \r\n}, our renderers with {@code \n}, so
 * {@code \r\n} in QEMU's text becomes {@code \n}. Nothing else is changed. Snapshot dates are local time on
 * both sides: QEMU takes the zone of the environment it inherits from this JVM, and the renderers' default
 * is this JVM's system zone.
 *
 * <p>The QEMU is {@link QemuProcess}'s ({@code -machine none}, drive0 = a qcow2 over a qcow2 backing file,
 * each with an internal snapshot); more drives are added with HMP {@code drive_add}. {@code savevm} works
 * on {@code -machine none} (its VM state is a few hundred bytes), so real VM snapshots are taken.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InfoViewsQemuTest {
    @TempDir
    Path dir;

    private QemuProcess qemu;
    private QmpClient client;
    private QmpCommands qmp;

    @BeforeEach
    void start() throws Exception {
        qemu = QemuProcess.start(dir);
        client = QmpClient.connect(qemu.connect(), QmpOptions.defaults().withPolicy(DecodePolicy.STRICT));
        qmp = QmpCommands.of(client);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (qemu != null) {
            qemu.close();
        }
    }

    @Test
    void oneDriveWithABackingChainBeforeAndAfterSavevm() {
        VmSnapshots before = assertViewsMatchQemu();
        assertThat(before.onAllDevices()).extracting(SnapshotInfo::name).containsExactly("top-snap1");
        assertThat(before.loadable()).isEmpty();

        assertThat(hmp("savevm vm-snap")).isEmpty();
        qmp.blockdevSnapshotInternalSync("drive0", "disk-only");

        VmSnapshots after = assertViewsMatchQemu();
        assertThat(after.onAllDevices()).extracting(SnapshotInfo::name)
                .containsExactly("top-snap1", "vm-snap", "disk-only");
        assertThat(after.loadable()).extracting(SnapshotInfo::name).containsExactly("vm-snap");
        assertLoadableIsWhatLoadvmAccepts(after);
    }

    @Test
    void severalDrivesWithPartialSnapshotsReadOnlyEmptyFilteredBitmapAndEncryptedOnes() throws Exception {
        Path second = image("second.qcow2", "64M");
        qemuImg("snapshot", "-c", "second-only", second.toString());
        Path raw = dir.resolve("cdrom.img");
        qemuImg("create", "-q", "-f", "raw", raw.toString(), "1M");
        Path filtered = image("filtered.qcow2", "32M");
        Path bitmaps = image("bitmaps.qcow2", "16M");
        qemuImg("bitmap", "--add", "-g", "128K", bitmaps.toString(), "stored-bm");
        qemuImg("bitmap", "--add", "--disable", bitmaps.toString(), "off-bm");
        Path encrypted = dir.resolve("encrypted.qcow2");
        // LUKS times its key derivation on the CPU; on a busy machine qemu-img may find the clock too coarse
        // ("Unable to get accurate CPU usage"), so it gets a few tries
        for (int attempt = 1; ; attempt++) {
            try {
                qemuImg("create", "-q", "--object", "secret,id=sec0,data=123456", "-f", "qcow2", "-o",
                        "encrypt.format=luks,encrypt.key-secret=sec0,encrypt.iter-time=10", encrypted.toString(), "16M");
                break;
            } catch (IOException e) {
                if (attempt == 5 || !e.getMessage().contains("accurate CPU usage")) {
                    throw e;
                }
            }
        }

        driveAdd("id=drive1,file=" + second + ",node-name=second-fmt");
        driveAdd("id=cdrom0,file=" + raw + ",format=raw,readonly=on");
        driveAdd("id=empty0");
        driveAdd("id=cor0,driver=copy-on-read,file.driver=qcow2,file.file.filename=" + filtered);
        driveAdd("id=bm0,file=" + bitmaps + ",node-name=bm-fmt");
        assertThat(hmp("object_add secret,id=sec0,data=123456")).isEmpty();
        driveAdd("id=enc0,file=" + encrypted + ",node-name=enc-fmt,encrypt.key-secret=sec0");

        VmSnapshots before = assertViewsMatchQemu();
        assertThat(before.devices()).extracting(DeviceSnapshots::participation).containsExactly(
                Participation.SNAPSHOTTED, Participation.SNAPSHOTTED, Participation.READ_ONLY,
                Participation.NO_MEDIUM, Participation.SNAPSHOTTED, Participation.SNAPSHOTTED,
                Participation.SNAPSHOTTED);
        assertThat(before.onAllDevices()).isEmpty();

        assertThat(hmp("savevm vm-all")).isEmpty();
        qmp.blockdevSnapshotInternalSync("drive0", "partial0");
        qmp.blockdevSnapshotInternalSync("cor0", "partial-cor");

        VmSnapshots after = assertViewsMatchQemu();
        assertThat(after.onAllDevices()).extracting(SnapshotInfo::name).containsExactly("vm-all");
        assertThat(after.devices().get(0).partial()).extracting(SnapshotInfo::name)
                .containsExactly("top-snap1", "partial0");
        // bm0's bitmaps are loaded, and QEMU will not revert a node with dirty bitmaps
        assertThat(after.devices()).extracting(DeviceSnapshots::device, DeviceSnapshots::hasDirtyBitmaps)
                .contains(tuple("bm0", true));
        assertThat(after.loadable()).isEmpty();
        assertLoadableIsWhatLoadvmAccepts(after);

        assertThat(hmp("drive_del bm0")).isEmpty();
        VmSnapshots withoutBitmaps = assertViewsMatchQemu();
        assertThat(withoutBitmaps.loadable()).extracting(SnapshotInfo::name).containsExactly("vm-all");
        assertLoadableIsWhatLoadvmAccepts(withoutBitmaps);
    }

    @Test
    void aWritableRawDriveBlocksEveryVmSnapshot() throws Exception {
        Path data = dir.resolve("data.img");
        qemuImg("create", "-q", "-f", "raw", data.toString(), "1M");
        driveAdd("id=data0,file=" + data + ",format=raw");
        qmp.blockdevSnapshotInternalSync("drive0", "disk-only");

        VmSnapshots vm = assertViewsMatchQemu();
        assertThat(vm.blockingDevices()).extracting(DeviceSnapshots::device).containsExactly("data0");
        assertThat(vm.onAllDevices()).isEmpty();
        assertThat(hmp("savevm vm-snap")).contains("Device 'data0' is writable but does not support snapshots");
        assertLoadableIsWhatLoadvmAccepts(vm);
    }

    @Test
    void noSnapshotOnAnyWritableDrive() {
        qmp.blockdevSnapshotDeleteInternalSync(BlockdevSnapshotDeleteInternalSyncArguments.builder()
                .device("drive0").name("top-snap1").build());

        VmSnapshots vm = assertViewsMatchQemu(); // "There is no snapshot available."; base-snap1 is the backing image's
        assertThat(vm.devices().get(0).snapshots()).isEmpty();
        assertThat(vm.vmStateDevice()).isPresent();
    }

    @Test
    void noDriveCanHoldTheVmState() throws Exception {
        Path readOnly = image("read-only.qcow2", "16M");
        qemuImg("snapshot", "-c", "ro-snap", readOnly.toString());
        assertThat(hmp("drive_del drive0")).isEmpty();
        driveAdd("id=ro0,file=" + readOnly + ",readonly=on,node-name=ro-fmt");

        VmSnapshots vm = assertViewsMatchQemu();
        assertThat(vm.vmStateDevice()).isEmpty();
        assertLoadableIsWhatLoadvmAccepts(vm);
    }

    /** Compares all three texts with QEMU's for the current state; returns the model built for it. */
    private VmSnapshots assertViewsMatchQemu() {
        List<BlockInfo> blocks = qmp.queryBlock();
        VmSnapshots vm = VmSnapshots.of(blocks);
        assertThat(InfoSnapshotsRenderer.render(blocks)).isEqualTo(monitor("info snapshots"));
        assertThat(InfoBlockRenderer.render(blocks)).isEqualTo(monitor("info block"));
        assertThat(InfoBlockRenderer.renderVerbose(blocks)).isEqualTo(monitor("info block -v"));
        return vm;
    }

    /**
     * For every snapshot name on any device (read-only ones included), QEMU's loadvm succeeds (prints
     * nothing) exactly when the model says the name is loadable. Loading reverts the disks but keeps every
     * internal snapshot, so the order of the names does not matter.
     */
    private void assertLoadableIsWhatLoadvmAccepts(VmSnapshots vm) {
        Set<String> names = new LinkedHashSet<>();
        vm.devices().forEach(d -> d.snapshots().forEach(s -> names.add(s.name())));
        names.add("no-such-snapshot");
        List<String> accepted = new ArrayList<>();
        for (String name : names) {
            String output = hmp("loadvm " + name);
            if (output.isEmpty()) {
                accepted.add(name);
            } else {
                assertThat(output).startsWith("Error: ");
            }
        }
        assertThat(accepted).containsExactlyElementsOf(vm.loadable().stream().map(SnapshotInfo::name).toList());
    }

    private String hmp(String commandLine) {
        return qmp.humanMonitorCommand(commandLine);
    }

    /** QEMU's text for a monitor command, its CRLF line ends made LF (see the class comment). */
    private String monitor(String commandLine) {
        return hmp(commandLine).replace("\r\n", "\n");
    }

    private void driveAdd(String options) {
        assertThat(hmp("drive_add 0 if=none," + options)).isEqualTo("OK\r\n");
    }

    private Path image(String name, String size) throws IOException, InterruptedException {
        Path path = dir.resolve(name);
        qemuImg("create", "-q", "-f", "qcow2", path.toString(), size);
        return path;
    }

    private static void qemuImg(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("qemu-img"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
