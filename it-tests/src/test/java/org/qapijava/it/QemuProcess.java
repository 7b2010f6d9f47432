package org.qapijava.it;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qapijava.runtime.qmp.Transport;

/**
 * A real QEMU 7.2 for the tests: {@code -machine none} with a qcow2 backing chain (base and top, each with
 * an internal snapshot made by qemu-img) as drive0, and QMP on a unix socket. Closing kills it.
 */
final class QemuProcess implements AutoCloseable {
    final Path dir;
    final Path socket;
    private final Process process;

    private QemuProcess(Path dir, Path socket, Process process) {
        this.dir = dir;
        this.socket = socket;
        this.process = process;
    }

    static QemuProcess start(Path dir) throws IOException, InterruptedException {
        Path base = dir.resolve("base.qcow2");
        Path top = dir.resolve("top.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "64M");
        run("qemu-img", "snapshot", "-c", "base-snap1", base.toString());
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString());
        run("qemu-img", "snapshot", "-c", "top-snap1", top.toString());
        Path socket = dir.resolve("qmp.sock");
        Process process = new ProcessBuilder("qemu-system-x86_64", "-machine", "none", "-nodefaults",
                "-display", "none", "-qmp", "unix:" + socket + ",server=on,wait=off",
                "-drive", "file=" + top + ",if=none,id=drive0,node-name=top-fmt")
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            if (!process.isAlive()) {
                throw new IOException("QEMU exited: " + Files.readString(dir.resolve("qemu.log")));
            }
            Thread.sleep(25);
        }
        if (!Files.exists(socket)) {
            process.destroyForcibly();
            throw new IOException("QEMU did not open its QMP socket " + socket);
        }
        return new QemuProcess(dir, socket, process);
    }

    /**
     * Connects to the monitor. QEMU creates the socket file when it binds, a moment before it listens, so a
     * refused connection is tried again until it listens (within five seconds) or exits.
     */
    Transport connect() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return Transport.unix(socket);
            } catch (ConnectException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean waitForExit() throws InterruptedException {
        return process.waitFor(10, TimeUnit.SECONDS);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
