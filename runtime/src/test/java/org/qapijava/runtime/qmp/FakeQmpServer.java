package org.qapijava.runtime.qmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted QMP server on a unix socket: accepts one client in a background thread and runs a script that
 * sends bytes (whole, split, merged, with pauses) and reads the client's messages. After the script, the
 * connection stays open until the client closes it (or the script closed it).
 *
 * <p>Threads: "fake-qmp-server" runs the script; "fake-qmp-inbound" splits the client's bytes into messages.
 */
final class FakeQmpServer implements AutoCloseable {

    /** What the server does once a client connects. */
    @FunctionalInterface
    interface Script {
        void run(Conn conn) throws Exception;
    }

    /** QEMU 7.2's greeting, as it sends it. */
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7},"
            + " \"package\": \"Debian 1:7.2+dfsg-7\"}, \"capabilities\": [\"oob\"]}}\r\n";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*(\\d+)");
    private static final Pattern EXECUTE = Pattern.compile("\"execute\"\\s*:\\s*\"([^\"]*)\"");
    private static final String EOF = new String("<eof>");
    private static final Duration READ_LIMIT = Duration.ofSeconds(8);

    private final Path path;
    private final ServerSocketChannel listener;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile SocketChannel channel;
    private volatile Thread scriptThread;
    private volatile Thread inboundThread;

    FakeQmpServer(Path dir) throws IOException {
        path = dir.resolve("qmp.sock");
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
    }

    Path path() {
        return path;
    }

    /** Every message the client sent, in order (qmp_capabilities first). */
    List<String> received() {
        return received;
    }

    void start(Script script) {
        scriptThread = new Thread(() -> {
            try {
                channel = listener.accept();
                Conn conn = new Conn(channel);
                script.run(conn);
                conn.drainUntilEof();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                closeQuietly(channel);
            }
        }, "fake-qmp-server");
        scriptThread.setDaemon(true);
        scriptThread.start();
    }

    /** Waits for the script to finish (the client having closed, or the script having closed); rethrows its failure. */
    void awaitDone(Duration limit) throws Exception {
        try {
            done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the fake server's script did not finish within " + limit, e);
        }
    }

    boolean started() {
        return scriptThread != null;
    }

    @Override
    public void close() throws Exception {
        closeQuietly(listener);
        closeQuietly(channel);
        for (Thread thread : new Thread[] {scriptThread, inboundThread}) {
            if (thread != null) {
                thread.join(2000);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

    static long id(String message) {
        Matcher m = ID.matcher(message);
        if (!m.find()) {
            throw new AssertionError("no id in " + message);
        }
        return Long.parseLong(m.group(1));
    }

    static long token(String message) {
        Matcher m = TOKEN.matcher(message);
        if (!m.find()) {
            throw new AssertionError("no token in " + message);
        }
        return Long.parseLong(m.group(1));
    }

    static String command(String message) {
        Matcher m = EXECUTE.matcher(message);
        if (!m.find()) {
            throw new AssertionError("no execute in " + message);
        }
        return m.group(1);
    }

    /** A compact JSON text pretty-printed as QEMU does: four-space indents, CRLF line ends. */
    static String pretty(String compact) {
        StringBuilder out = new StringBuilder();
        int indent = 0;
        boolean inString = false;
        boolean escape = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                out.append(c);
                if (escape) {
                    escape = false;
                } else if (c == '\\') {
                    escape = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    out.append(c);
                    indent++;
                    newline(out, indent);
                }
                case '}', ']' -> {
                    indent--;
                    newline(out, indent);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, indent);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\r', '\n' -> {
                    // re-laid out
                }
                default -> out.append(c);
            }
        }
        return out.append("\r\n").toString();
    }

    private static void newline(StringBuilder out, int indent) {
        out.append("\r\n").append("    ".repeat(indent));
    }

    /** The server's end of the connection, driven by the script. */
    final class Conn {
        private final SocketChannel socket;
        private final BlockingQueue<String> inbound = new LinkedBlockingQueue<>();

        Conn(SocketChannel socket) {
            this.socket = socket;
            inboundThread = new Thread(this::readClient, "fake-qmp-inbound");
            inboundThread.setDaemon(true);
            inboundThread.start();
        }

        /** Splits the client's byte stream into JSON objects (the client separates them by nothing at all). */
        private void readClient() {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            int depth = 0;
            boolean inString = false;
            boolean escape = false;
            try {
                while (socket.read(buffer.clear()) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        byte b = buffer.get();
                        if (depth == 0 && b != '{' && b != '[') {
                            continue; // whitespace between messages
                        }
                        message.write(b);
                        if (inString) {
                            if (escape) {
                                escape = false;
                            } else if (b == '\\') {
                                escape = true;
                            } else if (b == '"') {
                                inString = false;
                            }
                        } else if (b == '"') {
                            inString = true;
                        } else if (b == '{' || b == '[') {
                            depth++;
                        } else if ((b == '}' || b == ']') && --depth == 0) {
                            String text = message.toString(StandardCharsets.UTF_8);
                            message.reset();
                            received.add(text);
                            inbound.add(text);
                        }
                    }
                }
            } catch (IOException e) {
                // closed by either side
            } finally {
                inbound.add(EOF);
            }
        }

        /** The client's next message, or null when it closed the connection. */
        String read() throws InterruptedException {
            String message = inbound.poll(READ_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("the client sent nothing within " + READ_LIMIT);
            }
            if (message == EOF) {
                inbound.add(EOF);
                return null;
            }
            return message;
        }

        /** The client's next message if one has come, else null; fails at the end of the stream. */
        String poll() {
            String message = inbound.poll();
            if (message == EOF) {
                inbound.add(EOF);
                throw new AssertionError("the client closed the connection");
            }
            return message;
        }

        /** Reads the client's next message, which must exist, and returns its id. */
        long readId() throws InterruptedException {
            String message = read();
            if (message == null) {
                throw new AssertionError("the client closed the connection");
            }
            return id(message);
        }

        /** Sends the greeting, reads qmp_capabilities and answers it. */
        void greet() throws Exception {
            send(GREETING);
            String capabilities = read();
            if (capabilities == null || !command(capabilities).equals("qmp_capabilities")) {
                throw new AssertionError("expected qmp_capabilities, got " + capabilities);
            }
            send("{\"return\": {}, \"id\": " + id(capabilities) + "}\r\n");
        }

        /** One write. */
        void send(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Each byte its own write. */
        void sendBytewise(String text) throws IOException {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                write(new byte[] {b});
            }
        }

        /** In chunks of random lengths (1 to 40 bytes), cut anywhere, even inside a UTF-8 sequence. */
        void sendSplit(CharSequence text, Random random) throws IOException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int at = 0;
            while (at < bytes.length) {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
                byte[] chunk = new byte[length];
                System.arraycopy(bytes, at, chunk, 0, length);
                write(chunk);
                at += length;
            }
        }

        /** The pieces one after the other, with a pause between them. */
        void sendPieces(long pauseMillis, String... pieces) throws Exception {
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    Thread.sleep(pauseMillis);
                }
                send(pieces[i]);
            }
        }

        private void write(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                socket.write(buffer);
            }
        }

        /** Closes the connection (the client sees the end of the stream). */
        void close() throws IOException {
            socket.close();
        }

        private void drainUntilEof() throws InterruptedException {
            while (inbound.take() != EOF) {
                // discard
            }
            inbound.add(EOF);
        }
    }
}
