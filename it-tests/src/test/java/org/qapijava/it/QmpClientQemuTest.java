package org.qapijava.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.runtime.command.CommandDescriptor;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.qmp.QmpClient;
import org.qapijava.runtime.qmp.QmpConnectionClosedException;
import org.qapijava.runtime.qmp.QmpErrorException;
import org.qapijava.runtime.qmp.QmpOptions;
import org.qapijava.runtime.wire.DecodePolicy;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.schema.block.BlockInfo;
import org.qapijava.schema.block.ImageInfo;
import org.qapijava.schema.block.RunState;
import org.qapijava.schema.block.SnapshotInfo;
import org.qapijava.schema.block.command.QmpCommands;
import org.qapijava.schema.block.event.Events;
import org.qapijava.schema.block.event.Resume;
import org.qapijava.schema.block.event.Shutdown;
import org.qapijava.schema.block.event.Stop;

/** The generated API over the QMP client against a real QEMU 7.2, decoding STRICT. Nothing may hang. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QmpClientQemuTest {
    @TempDir
    Path dir;

    private QemuProcess qemu;
    private QmpClient client;
    private QmpCommands qmp;

    @BeforeEach
    void start() throws Exception {
        qemu = QemuProcess.start(dir);
        client = QmpClient.connect(qemu.connect(),
                QmpOptions.defaults().withPolicy(DecodePolicy.STRICT).withEvents(Events.DECODERS));
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
    void negotiatesAndReadsTheVersion() {
        assertThat(client.greeting().major()).isEqualTo(7);
        assertThat(client.greeting().minor()).isEqualTo(2);
        assertThat(client.greeting().capabilities()).contains("oob");
        assertThat(qmp.queryVersion().qemu().major()).isEqualTo(7);
        assertThat(qmp.queryStatus().status()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void queryBlockDecodesStrictlyThroughTheWholeBackingChain() {
        List<BlockInfo> blocks = qmp.queryBlock();
        assertThat(blocks).hasSize(1);
        ImageInfo top = blocks.get(0).inserted().orElseThrow().image();
        ImageInfo base = top.backingImage().orElseThrow();
        assertThat(top.filename()).endsWith("top.qcow2");
        assertThat(base.filename()).endsWith("base.qcow2");
        assertThat(base.backingImage()).isEmpty();
        assertThat(top.snapshots().orElseThrow()).extracting(SnapshotInfo::name).containsExactly("top-snap1");
        assertThat(base.snapshots().orElseThrow()).extracting(SnapshotInfo::name).containsExactly("base-snap1");
    }

    @Test
    void anInternalSnapshotShowsInQueryBlockAndDeletingItRemovesIt() {
        qmp.blockdevSnapshotInternalSync("drive0", "java-snap");
        assertThat(topSnapshots()).containsExactly("top-snap1", "java-snap");

        SnapshotInfo deleted = qmp.blockdevSnapshotDeleteInternalSync(
                org.qapijava.schema.block.command.BlockdevSnapshotDeleteInternalSyncArguments.builder()
                        .device("drive0").name("java-snap").build());
        assertThat(deleted.name()).isEqualTo("java-snap");
        assertThat(topSnapshots()).containsExactly("top-snap1");
    }

    private List<String> topSnapshots() {
        return qmp.queryBlock().get(0).inserted().orElseThrow().image().snapshots().orElseThrow().stream()
                .map(SnapshotInfo::name).toList();
    }

    @Test
    void stopAndContDeliverTheirEventsToWaitersArmedBeforeTheCommand() throws Exception {
        CompletableFuture<Stop> stopped = client.expectEvent(Stop.class, e -> true);
        qmp.stop();
        assertThat(stopped.get(5, TimeUnit.SECONDS).timestamp().seconds()).isPositive();
        assertThat(qmp.queryStatus().status()).isEqualTo(RunState.PAUSED);

        CompletableFuture<Resume> resumed = client.expectEvent(Resume.class, e -> true);
        qmp.cont();
        assertThat(resumed.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(qmp.queryStatus().running()).isTrue();
    }

    @Test
    void errorsCarryTheirClassDescriptionCommandAndId() {
        CommandDescriptor<Void, JsonValue> missing = new CommandDescriptor<>("no-such-command", null, null,
                false, false, true, false, true, null, WireReader::readAny);
        assertThatThrownBy(() -> client.execute(missing, null))
                .isInstanceOfSatisfying(QmpErrorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("CommandNotFound");
                    assertThat(e.command()).isEqualTo("no-such-command");
                    assertThat(e.id()).isPositive();
                });
        assertThatThrownBy(() -> qmp.blockdevSnapshotDeleteInternalSync(
                org.qapijava.schema.block.command.BlockdevSnapshotDeleteInternalSyncArguments.builder()
                        .device("drive0").name("no-such-snapshot").build()))
                .isInstanceOfSatisfying(QmpErrorException.class, e -> assertThat(e.errorClass()).isEqualTo("GenericError"));
        assertThatThrownBy(() -> qmp.blockdevSnapshotInternalSync("no-such-drive", "s"))
                .isInstanceOfSatisfying(QmpErrorException.class,
                        e -> assertThat(e.errorClass()).isIn("GenericError", "DeviceNotFound"));
        assertThat(qmp.queryStatus().running()).isTrue(); // the session goes on
    }

    @Test
    void commandsFromSeveralThreadsArePipelinedAndEveryReplyMatchesItsCall() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    Set<String> seen = ConcurrentHashMap.newKeySet();
                    List<CompletableFuture<?>> calls = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        calls.add(client.executeAsync(org.qapijava.schema.block.command.CommandDescriptors.QUERY_VERSION, null)
                                .thenAccept(v -> seen.add("version " + v.qemu().major())));
                        calls.add(client.executeAsync(org.qapijava.schema.block.command.CommandDescriptors.QUERY_BLOCK, null)
                                .thenAccept(b -> seen.add("block " + b.get(0).device())));
                    }
                    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                    return seen;
                }));
            }
            for (Future<Set<String>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).containsExactlyInAnyOrder("version 7", "block drive0");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void quitCompletesAfterTheShutdownEventAndLaterCallsFailAsClosed() throws Exception {
        CompletableFuture<Shutdown> shutdown = client.expectEvent(Shutdown.class, e -> true);
        qmp.quit();
        assertThat(shutdown.get(5, TimeUnit.SECONDS).guest()).isFalse();
        assertThat(qemu.waitForExit()).isTrue();
        for (int i = 0; i < 100 && !client.isClosed(); i++) {
            Thread.sleep(20);
        }
        assertThatThrownBy(() -> qmp.queryStatus()).isInstanceOf(QmpConnectionClosedException.class);
    }
}
