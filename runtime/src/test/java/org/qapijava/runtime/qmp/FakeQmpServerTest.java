package org.qapijava.runtime.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.qapijava.runtime.qmp.FakeQmpServer.id;
import static org.qapijava.runtime.qmp.FakeQmpServer.pretty;
import static org.qapijava.runtime.qmp.FakeQmpServer.token;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.runtime.command.CommandDescriptor;
import org.qapijava.runtime.event.EventTimestamp;
import org.qapijava.runtime.event.QmpEvent;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.json.JsonValue.JsonObject;
import org.qapijava.runtime.wire.WireReader;

/** The QMP client against a scripted fake server: framing, matching by id, errors, EOF, timeouts. */
@Timeout(20)
class FakeQmpServerTest {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private static final CommandDescriptor<Void, JsonValue> QUERY_STATUS = new CommandDescriptor<>(
            "query-status", null, "StatusInfo", false, false, true, false, false, null, WireReader::readAny);
    private static final CommandDescriptor<Void, JsonValue> BAD = new CommandDescriptor<>(
            "x-bad", null, "any", false, false, true, false, false, null, WireReader::readAny);
    private static final CommandDescriptor<Void, Void> QUIT = new CommandDescriptor<>(
            "quit", null, null, false, false, true, false, false, null, null);
    /** Sends {"token": N}; the fake server echoes it back, so a result shows which call it answers. */
    private static final CommandDescriptor<Long, JsonValue> ECHO = new CommandDescriptor<>(
            "echo", "EchoArguments", "any", false, false, true, false, false, (out, token) -> {
                out.beginObject(UnknownFields.NONE);
                out.name("token");
                out.writeInt(token);
                out.endObject();
            }, WireReader::readAny);

    private static final String STATUS_RUNNING = "{\"status\": \"running\", \"singlestep\": false, \"running\": true}";

    @TempDir
    Path dir;

    private FakeQmpServer server;
    private QmpClient client;
    private final BlockingQueue<String> diagnostics = new LinkedBlockingQueue<>();
    private final BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeQmpServer(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            if (server.started()) {
                server.awaitDone(Duration.ofSeconds(3)); // the script ran to its end (and failed no assertion)
            }
        } finally {
            server.close();
        }
        assertThat(liveThreads("qmp-reader")).as("client reader threads after close").isEmpty();
        assertThat(liveThreads("qmp-listener")).as("client listener threads after close").isEmpty();
        assertThat(liveThreads("fake-qmp")).as("fake server threads after close").isEmpty();
    }

    private static List<Thread> liveThreads(String namePrefix) {
        List<Thread> live = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(namePrefix) && thread.isAlive()) {
                live.add(thread);
            }
        }
        return live;
    }

    private QmpClient connect() throws IOException {
        return QmpClient.connect(Transport.unix(server.path()),
                QmpOptions.defaults().withCommandTimeout(COMMAND_TIMEOUT));
    }

    /** Connects and routes diagnostics and events to this test's queues. */
    private QmpClient connectAndListen() throws IOException {
        client = connect();
        client.onDiagnostic(diagnostics::add);
        client.addListener(events::add);
        return client;
    }

    private static String reply(long id, String value) {
        return "{\"return\": " + value + ", \"id\": " + id + "}\r\n";
    }

    private static String echoReply(String request) {
        return reply(id(request), "{\"token\": " + token(request) + "}");
    }

    private static String event(String name, String data) {
        return "{\"timestamp\": {\"seconds\": 1700000000, \"microseconds\": 123456}, \"event\": \"" + name
                + "\", \"data\": " + data + "}\r\n";
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    /** How a future failed (waiting at most 5 s); fails the test if it completed normally or hangs. */
    private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            Object value = future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("call still pending after 5 s", e);
        }
    }

    private static long tokenOf(JsonValue result) {
        return ((JsonValue.JsonNumber) ((JsonObject) result).get("token")).value().longValueExact();
    }

    private static JsonValue member(JsonValue object, String name) {
        return ((JsonObject) object).get(name);
    }

    private static JsonValue.JsonString str(String s) {
        return new JsonValue.JsonString(s);
    }

    // ---- 1

    @Test
    void normalSession() throws Exception {
        server.start(conn -> {
            conn.greet();
            conn.send(reply(conn.readId(), STATUS_RUNNING));
        });
        connectAndListen();

        assertThat(client.greeting()).isEqualTo(new Greeting(7, 2, 0, "Debian 1:7.2+dfsg-7", List.of("oob")));
        assertThat(client.oobEnabled()).isFalse();
        JsonValue status = client.execute(QUERY_STATUS, null);

        assertThat(member(status, "status")).isEqualTo(str("running"));
        assertThat(member(status, "running")).isEqualTo(new JsonValue.JsonBoolean(true));
        assertThat(server.received()).hasSize(2);
        assertThat(FakeQmpServer.command(server.received().get(0))).isEqualTo("qmp_capabilities");
        assertThat(FakeQmpServer.command(server.received().get(1))).isEqualTo("query-status");
        assertThat(diagnostics).isEmpty();
    }

    // ---- 2

    @Test
    void prettyPrintedMessagesWithCrlf() throws Exception {
        server.start(conn -> {
            conn.send(pretty(FakeQmpServer.GREETING));
            String capabilities = conn.read();
            conn.send(pretty(reply(id(capabilities), "{}")));
            long id = conn.readId();
            conn.send(pretty(event("STOP", "{}")));
            conn.send(pretty(reply(id, "{\"status\": \"paused\", \"nested\": {\"list\": [1, {\"a\": \"x, y: {z}\"}, []],"
                    + " \"empty\": {}}, \"running\": false}")));
        });
        assertThat(pretty(FakeQmpServer.GREETING)).contains("\"qemu\": {\r\n").endsWith("}\r\n");
        connectAndListen();

        assertThat(client.greeting().major()).isEqualTo(7);
        JsonValue status = client.execute(QUERY_STATUS, null);

        assertThat(member(status, "status")).isEqualTo(str("paused"));
        JsonValue list = member(member(status, "nested"), "list");
        assertThat(((JsonValue.JsonArray) list).items()).hasSize(3);
        assertThat(member(((JsonValue.JsonArray) list).items().get(1), "a")).isEqualTo(str("x, y: {z}"));
        assertThat(events.poll(5, TimeUnit.SECONDS).wireName()).isEqualTo("STOP");
        assertThat(diagnostics).isEmpty();
    }

    // ---- 3

    @Test
    void messagesSplitByteByByte() throws Exception {
        server.start(conn -> {
            conn.sendBytewise(FakeQmpServer.GREETING);
            String capabilities = conn.read();
            conn.sendBytewise(reply(id(capabilities), "{}"));
            long id = conn.readId();
            conn.sendBytewise(event("RESUME", "{\"note\": \"caf\u00e9 \u2713\"}"));
            conn.sendBytewise(reply(id, STATUS_RUNNING));
        });
        connectAndListen();

        JsonValue status = client.execute(QUERY_STATUS, null);

        assertThat(member(status, "status")).isEqualTo(str("running"));
        RawEvent resume = (RawEvent) events.poll(5, TimeUnit.SECONDS);
        assertThat(resume.wireName()).isEqualTo("RESUME");
        assertThat(resume.data().get("note")).isEqualTo(str("caf\u00e9 \u2713"));
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void severalMessagesMergedInOneWrite() throws Exception {
        server.start(conn -> {
            conn.send(FakeQmpServer.GREETING + event("POWERDOWN", "{}")); // an event during negotiation
            conn.send(reply(id(conn.read()), "{}"));
            long id = conn.readId();
            conn.send(event("STOP", "{}") + reply(id, STATUS_RUNNING).strip() + event("RESUME", "{}"));
        });
        connectAndListen();

        JsonValue status = client.execute(QUERY_STATUS, null);

        assertThat(member(status, "status")).isEqualTo(str("running"));
        assertThat(events.poll(5, TimeUnit.SECONDS).wireName()).isEqualTo("STOP");
        assertThat(events.poll(5, TimeUnit.SECONDS).wireName()).isEqualTo("RESUME");
        assertThat(diagnostics).isEmpty();
    }

    // ---- 4

    @Test
    void idLessErrorGoesToDiagnosticsNotToThePendingCall() throws Exception {
        server.start(conn -> {
            conn.greet();
            long id = conn.readId();
            conn.send("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error\"}}\r\n");
            Thread.sleep(100);
            conn.send(reply(id, STATUS_RUNNING));
        });
        connectAndListen();

        CompletableFuture<JsonValue> call = client.executeAsync(QUERY_STATUS, null);

        String diagnostic = diagnostics.poll(5, TimeUnit.SECONDS);
        assertThat(diagnostic).contains("JSON parse error");
        assertThat(member(await(call), "status")).isEqualTo(str("running"));
        assertThat(client.isClosed()).isFalse();
    }

    // ---- 5

    @Test
    void replyWithUnknownIdGoesToDiagnostics() throws Exception {
        server.start(conn -> {
            conn.greet();
            long id = conn.readId();
            conn.send(reply(id + 1000, "{\"status\": \"wrong\"}"));
            conn.send(reply(id, STATUS_RUNNING));
        });
        connectAndListen();

        JsonValue status = client.execute(QUERY_STATUS, null);

        assertThat(member(status, "status")).isEqualTo(str("running"));
        long id = id(server.received().get(1));
        assertThat(diagnostics.poll(5, TimeUnit.SECONDS)).contains("id " + (id + 1000)).contains("wrong");
    }

    // ---- 6

    @Test
    void unknownEventArrivesRaw() throws Exception {
        server.start(conn -> {
            conn.greet();
            long id = conn.readId();
            conn.send(event("NEW_THING", "{\"answer\": 42, \"nested\": {\"list\": [1, \"two\", null, true]}}"));
            conn.send(reply(id, "{}"));
        });
        connectAndListen();
        CompletableFuture<QmpEvent> expected = client.expectEvent("NEW_THING");

        client.execute(QUERY_STATUS, null);

        QmpEvent event = await(expected);
        assertThat(event).isInstanceOf(RawEvent.class);
        RawEvent raw = (RawEvent) event;
        assertThat(raw.wireName()).isEqualTo("NEW_THING");
        assertThat(raw.timestamp()).isEqualTo(new EventTimestamp(1700000000, 123456));
        assertThat(((JsonValue.JsonNumber) raw.data().get("answer")).value().intValueExact()).isEqualTo(42);
        assertThat(((JsonValue.JsonArray) member(raw.data().get("nested"), "list")).items()).containsExactly(
                new JsonValue.JsonNumber(java.math.BigDecimal.ONE), str("two"), JsonValue.JsonNull.INSTANCE,
                new JsonValue.JsonBoolean(true));
        assertThat(events.poll(5, TimeUnit.SECONDS)).isSameAs(event);
        assertThat(diagnostics).isEmpty();
    }

    // ---- 7

    @Test
    void outOfOrderRepliesToPipelinedCalls() throws Exception {
        server.start(conn -> {
            conn.greet();
            String first = conn.read();
            String second = conn.read();
            String third = conn.read();
            conn.send(echoReply(third));
            Thread.sleep(50);
            conn.send(echoReply(first));
            Thread.sleep(50);
            conn.send(echoReply(second));
        });
        connectAndListen();

        CompletableFuture<JsonValue> one = client.executeAsync(ECHO, 101L);
        CompletableFuture<JsonValue> two = client.executeAsync(ECHO, 102L);
        CompletableFuture<JsonValue> three = client.executeAsync(ECHO, 103L);

        assertThat(tokenOf(await(three))).isEqualTo(103);
        assertThat(tokenOf(await(one))).isEqualTo(101);
        assertThat(tokenOf(await(two))).isEqualTo(102);
        assertThat(diagnostics).isEmpty();
    }

    // ---- 8

    @Test
    void errorReplyThenTheSessionGoesOn() throws Exception {
        server.start(conn -> {
            conn.greet();
            conn.send("{\"id\": " + conn.readId()
                    + ", \"error\": {\"class\": \"DeviceNotFound\", \"desc\": \"Device 'nope' not found\"}}\r\n");
            conn.send(reply(conn.readId(), STATUS_RUNNING));
        });
        connectAndListen();

        assertThatThrownBy(() -> client.execute(BAD, null))
                .isInstanceOfSatisfying(QmpErrorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("DeviceNotFound");
                    assertThat(e.description()).isEqualTo("Device 'nope' not found");
                    assertThat(e.command()).isEqualTo("x-bad");
                    assertThat(e.id()).isEqualTo(id(server.received().get(1)));
                });
        assertThat(member(client.execute(QUERY_STATUS, null), "status")).isEqualTo(str("running"));
        assertThat(client.isClosed()).isFalse();
    }

    // ---- 9

    @Test
    void serverClosesMidMessage() throws Exception {
        server.start(conn -> {
            conn.greet();
            conn.readId();
            conn.send("{\"return\": {\"status\": \"runn");
            Thread.sleep(100);
            conn.close();
        });
        connectAndListen();

        long start = System.nanoTime();
        Throwable failure = failure(client.executeAsync(QUERY_STATUS, null));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure).isInstanceOf(QmpConnectionClosedException.class);
        assertThat(failure.getCause() != null || failure.getMessage() != null).isTrue();
        assertThat(failure.getMessage()).isNotBlank();
        assertThat(millis).as("ms until the call failed").isLessThan(1500);
        long later = System.nanoTime();
        assertThatThrownBy(() -> client.execute(QUERY_STATUS, null)).isInstanceOf(QmpConnectionClosedException.class);
        assertThat(failure(client.executeAsync(QUERY_STATUS, null))).isInstanceOf(QmpConnectionClosedException.class);
        assertThat((System.nanoTime() - later) / 1_000_000).as("ms for later calls to fail").isLessThan(500);
        assertThat(client.isClosed()).isTrue();
        awaitNoReader();
    }

    private static void awaitNoReader() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!liveThreads("qmp-reader").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(liveThreads("qmp-reader")).as("reader threads once the connection ended").isEmpty();
    }

    // ---- 10

    @Test
    void silentServerTimesOutAndLateReplyIsDiscarded() throws Exception {
        server.start(conn -> {
            conn.greet();
            String first = conn.read(); // never answered in time
            String second = conn.read(); // the client sends it after the first timed out
            conn.send(echoReply(first));
            conn.send(echoReply(second));
        });
        connectAndListen();

        long start = System.nanoTime();
        Throwable failure = failure(client.executeAsync(ECHO, 1L));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure).isInstanceOf(QmpTimeoutException.class);
        assertThat(millis).as("ms until the timeout").isBetween(1900L, 3500L);
        assertThat(tokenOf(client.execute(ECHO, 2L))).isEqualTo(2);
        long lateId = id(server.received().get(1));
        assertThat(diagnostics.poll(5, TimeUnit.SECONDS)).contains("id " + lateId);
        assertThat(client.isClosed()).isFalse();
    }

    // ---- 11

    @Test
    void eofFailsEveryPendingCallFromEveryThread() throws Exception {
        int callers = 6;
        server.start(conn -> {
            conn.greet();
            for (int i = 0; i < callers; i++) {
                conn.readId();
            }
            conn.close();
        });
        connectAndListen();

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Throwable>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                outcomes.add(pool.submit((Callable<Throwable>) () -> {
                    try {
                        return new AssertionError("completed normally: " + client.execute(QUERY_STATUS, null));
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            for (Future<Throwable> outcome : outcomes) {
                assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(QmpConnectionClosedException.class);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        awaitNoReader();
    }

    // ---- 12

    @Test
    void quitCompletesWhenQemuClosesWithoutReplying() throws Exception {
        server.start(conn -> {
            conn.greet();
            assertThat(FakeQmpServer.command(conn.read())).isEqualTo("quit");
            conn.send(event("SHUTDOWN", "{\"guest\": false, \"reason\": \"host-qmp-quit\"}"));
            conn.close();
        });
        connectAndListen();

        assertThat(await(client.executeAsync(QUIT, null))).isNull();

        assertThat(events.poll(5, TimeUnit.SECONDS).wireName()).isEqualTo("SHUTDOWN");
        awaitNoReader();
        assertThat(client.isClosed()).isTrue();
    }

    // ---- 13

    @Test
    void seededRandomStream() throws Exception {
        long seed = 0x5EED_2024L;
        int threads = 3;
        int perThread = 100;
        int batch = 8;
        int total = threads * perThread;
        String text = "caf\u00e9 \u2713 \u65e5\u672c \ud83d\ude00";
        Map<Long, String> answered = new ConcurrentHashMap<>(); // token -> "return" or "error"
        AtomicInteger eventsSent = new AtomicInteger();
        AtomicInteger diagnosticsSent = new AtomicInteger();

        server.start(conn -> {
            conn.greet();
            Random random = new Random(seed);
            List<String> open = new ArrayList<>();
            List<Long> answeredIds = new ArrayList<>();
            StringBuilder out = new StringBuilder();
            int received = 0;
            while (true) {
                for (String request = conn.poll(); request != null; request = conn.poll()) {
                    open.add(request);
                    received++;
                }
                if (received == total) {
                    break;
                }
                if (open.isEmpty()) {
                    conn.sendSplit(out, random);
                    out.setLength(0);
                    open.add(conn.read());
                    received++;
                    continue;
                }
                String message;
                switch (random.nextInt(10)) {
                    case 0, 1, 2, 3 -> {
                        String request = open.remove(random.nextInt(open.size()));
                        message = answer(request, random, answered);
                        answeredIds.add(id(request));
                    }
                    case 4 -> {
                        message = event("RANDOM", "{\"n\": " + eventsSent.getAndIncrement() + ", \"text\": \""
                                + text + "\"}");
                    }
                    case 5 -> {
                        message = "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error\"}}\r\n";
                        diagnosticsSent.incrementAndGet();
                    }
                    case 6 -> {
                        long stale = answeredIds.isEmpty() || random.nextBoolean() ? 1_000_000 + random.nextInt(1000)
                                : answeredIds.get(random.nextInt(answeredIds.size())); // a duplicate reply
                        message = reply(stale, "{\"token\": -1}");
                        diagnosticsSent.incrementAndGet();
                    }
                    case 7 -> {
                        conn.sendSplit(out, random);
                        out.setLength(0);
                        message = "";
                    }
                    case 8 -> {
                        Thread.sleep(0, 200_000);
                        message = "";
                    }
                    default -> message = "";
                }
                if (!message.isEmpty()) {
                    int layout = random.nextInt(10);
                    out.append(layout < 2 ? pretty(message) : layout < 3 ? message.strip() : message);
                }
                if (out.length() > 4096) {
                    conn.sendSplit(out, random);
                    out.setLength(0);
                }
            }
            // the end: answer about half of what is open, then a truncated message and EOF
            Collections.shuffle(open, random);
            for (String request : open.subList(0, open.size() / 2)) {
                out.append(answer(request, random, answered));
            }
            out.append("{\"return\": [1, 2");
            conn.sendSplit(out, random);
            conn.close();
        });
        connectAndListen();
        AtomicInteger badEvents = new AtomicInteger();
        client.addListener(e -> {
            if (!(e instanceof RawEvent raw && raw.data().get("text").equals(str(text)))) {
                badEvents.incrementAndGet();
            }
        });

        long start = System.nanoTime();
        Map<Long, Object> outcomes = new ConcurrentHashMap<>(); // token -> result or failure
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = 1000L * (t + 1);
                workers.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perThread; i += batch) {
                        Map<Long, CompletableFuture<JsonValue>> calls = new java.util.LinkedHashMap<>();
                        for (int j = i; j < Math.min(i + batch, perThread); j++) {
                            calls.put(base + j, client.executeAsync(ECHO, base + j));
                        }
                        for (Map.Entry<Long, CompletableFuture<JsonValue>> call : calls.entrySet()) {
                            try {
                                outcomes.put(call.getKey(), call.getValue().get(5, TimeUnit.SECONDS));
                            } catch (ExecutionException e) {
                                outcomes.put(call.getKey(), e.getCause());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(15, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        server.awaitDone(Duration.ofSeconds(5));
        client.close();

        assertThat(outcomes).hasSize(total);
        int returned = 0;
        int errors = 0;
        int closed = 0;
        for (Map.Entry<Long, Object> entry : outcomes.entrySet()) {
            long token = entry.getKey();
            Object outcome = entry.getValue();
            String how = answered.get(token);
            if ("return".equals(how)) {
                assertThat(outcome).as("token %d", token).isInstanceOf(JsonObject.class);
                assertThat(tokenOf((JsonValue) outcome)).as("token %d", token).isEqualTo(token);
                returned++;
            } else if ("error".equals(how)) {
                assertThat(outcome).as("token %d", token).isInstanceOfSatisfying(QmpErrorException.class,
                        e -> assertThat(e.description()).isEqualTo("token " + token));
                errors++;
            } else {
                assertThat(outcome).as("token %d (never answered)", token)
                        .isInstanceOf(QmpConnectionClosedException.class);
                closed++;
            }
        }
        assertThat(returned).isGreaterThan(100);
        assertThat(errors).isGreaterThan(10);
        assertThat(closed).isGreaterThan(0);
        assertThat(events).hasSize(eventsSent.get());
        assertThat(badEvents).hasValue(0);
        assertThat(diagnostics).hasSize(diagnosticsSent.get());
        assertThat(millis).as("ms for the whole run (seed %d)", seed).isLessThan(10_000);
    }

    private static String answer(String request, Random random, Map<Long, String> answered) {
        long token = token(request);
        if (random.nextInt(5) == 0) {
            answered.put(token, "error");
            return "{\"error\": {\"class\": \"GenericError\", \"desc\": \"token " + token + "\"}, \"id\": "
                    + id(request) + "}\r\n";
        }
        answered.put(token, "return");
        return echoReply(request);
    }

    // ---- limits: message size and nesting

    @Test
    void oversizedMessageEndsTheConnectionWithAClearError() throws Exception {
        server.start(conn -> {
            conn.greet();
            long small = conn.readId();
            conn.send(reply(small, "\"" + "x".repeat(1000) + "\""));
            long big = conn.readId();
            // an endless string: the client must give up long before the server stops sending
            conn.send("{\"return\": \"");
            byte[] chunk = "y".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < 10_000; i++) {
                    conn.send(new String(chunk, java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException closedByTheClient) {
                return; // what should happen
            }
            fail("the client read 640 MB of one message (id " + big + ")");
        });
        client = QmpClient.connect(Transport.unix(server.path()), QmpOptions.defaults()
                .withCommandTimeout(Duration.ofSeconds(20)).withMaxMessageBytes(256 * 1024));
        client.onDiagnostic(diagnostics::add);

        assertThat(client.execute(QUERY_STATUS, null)).isEqualTo(str("x".repeat(1000)));
        Throwable failure = failure(client.executeAsync(QUERY_STATUS, null));

        assertThat(failure).isInstanceOf(QmpConnectionClosedException.class)
                .hasMessage("a QMP message is larger than the limit of 262144 bytes (QmpOptions.maxMessageBytes)");
        assertThat(client.isClosed()).isTrue();
        awaitNoReader();
    }

    @Test
    void messageJustOverTheLimitIsRefusedAndOneAtTheLimitIsNot() throws Exception {
        String atLimit = reply(1, "\"" + "a".repeat(1000) + "\"").strip();
        int limit = atLimit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        server.start(conn -> {
            conn.greet();
            long first = conn.readId();
            conn.send(reply(first, "\"" + "a".repeat(1000) + "\""));
            long second = conn.readId();
            conn.send(reply(second, "\"" + "a".repeat(1001) + "\""));
        });
        client = QmpClient.connect(Transport.unix(server.path()), QmpOptions.defaults()
                .withCommandTimeout(COMMAND_TIMEOUT).withMaxMessageBytes(limit));

        assertThat(client.execute(QUERY_STATUS, null)).isEqualTo(str("a".repeat(1000)));
        assertThat(failure(client.executeAsync(QUERY_STATUS, null)))
                .isInstanceOf(QmpConnectionClosedException.class)
                .hasMessageContaining("larger than the limit of " + limit + " bytes");
        awaitNoReader();
    }

    @Test
    void tooDeeplyNestedMessageEndsTheConnectionWithAClearError() throws Exception {
        server.start(conn -> {
            conn.greet();
            long id = conn.readId();
            conn.send(reply(id, "[".repeat(40) + "]".repeat(40)));
        });
        client = QmpClient.connect(Transport.unix(server.path()), QmpOptions.defaults()
                .withCommandTimeout(COMMAND_TIMEOUT).withMaxNestingDepth(32));

        assertThat(failure(client.executeAsync(QUERY_STATUS, null)))
                .isInstanceOf(QmpConnectionClosedException.class)
                .hasMessageContaining("QmpOptions.maxNestingDepth 32");
        awaitNoReader();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> QmpOptions.defaults().withMaxMessageBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageBytes 0");
    }

    // ---- listeners: each on its own thread and bounded queue

    /** A script: the greeting, then for the first command `count` TICK events {"n": i} and the reply. */
    private static FakeQmpServer.Script ticksThenReply(int count) {
        return conn -> {
            conn.greet();
            long id = conn.readId();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < count; i++) {
                burst.append(event("TICK", "{\"n\": " + i + "}"));
            }
            conn.send(burst + reply(id, "{}"));
        };
    }

    @Test
    void slowListenerStallsNeitherRepliesNorOtherListeners() throws Exception {
        int count = 50;
        server.start(ticksThenReply(count));
        connectAndListen();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Long> slowSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.addListener(e -> {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            slowSaw.add(((JsonValue.JsonNumber) ((RawEvent) e).data().get("n")).value().longValue());
        });

        long start = System.nanoTime();
        client.execute(QUERY_STATUS, null); // the reply comes after all the events
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for the reply").isLessThan(1500);
        for (int i = 0; i < count; i++) {
            QmpEvent event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("event %d to the fast listener", i).isNotNull();
            assertThat(((RawEvent) event).data().get("n")).isEqualTo(new JsonValue.JsonNumber(java.math.BigDecimal.valueOf(i)));
        }
        assertThat(slowSaw).isEmpty();

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slowSaw.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(slowSaw).as("the slow listener still gets every event, in order")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, count).boxed().toList());
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void fullListenerQueueDropsTheOldestAndSaysSo() throws Exception {
        int capacity = 8;
        int count = 40;
        server.start(ticksThenReply(count));
        client = QmpClient.connect(Transport.unix(server.path()), QmpOptions.defaults()
                .withCommandTimeout(COMMAND_TIMEOUT).withListenerQueueCapacity(capacity));
        client.onDiagnostic(diagnostics::add);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        List<Long> saw = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.addListener(e -> {
            saw.add(((JsonValue.JsonNumber) ((RawEvent) e).data().get("n")).value().longValue());
            first.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });

        client.execute(QUERY_STATUS, null); // every event has been read and queued (or dropped) by now
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (saw.size() < 1 + capacity && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);

        // the listener held event 0 while the rest arrived: the queue kept the newest `capacity` of them
        List<Long> expected = new ArrayList<>(List.of(0L));
        java.util.stream.LongStream.range(count - capacity, count).forEach(expected::add);
        assertThat(saw).containsExactlyElementsOf(expected);
        String report = diagnostics.poll(5, TimeUnit.SECONDS);
        assertThat(report).contains("fell behind", "queue of " + capacity + " was full",
                (count - 1 - capacity) + " older event(s) dropped");
    }

    @Test
    void removedListenerGetsNothingMore() throws Exception {
        server.start(conn -> {
            conn.greet();
            long first = conn.readId();
            conn.send(event("TICK", "{\"n\": 1}") + reply(first, "{}"));
            long second = conn.readId();
            conn.send(event("TICK", "{\"n\": 2}") + reply(second, "{}"));
        });
        connectAndListen();
        BlockingQueue<QmpEvent> removed = new LinkedBlockingQueue<>();
        java.util.function.Consumer<QmpEvent> listener = removed::add;
        client.addListener(listener);

        client.execute(QUERY_STATUS, null);
        assertThat(removed.poll(5, TimeUnit.SECONDS)).isNotNull();
        client.removeListener(listener);
        client.execute(QUERY_STATUS, null);

        assertThat(events.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(events.poll(5, TimeUnit.SECONDS)).as("the second event, to the listener still there").isNotNull();
        assertThat(removed.poll(200, TimeUnit.MILLISECONDS)).as("to the removed listener").isNull();
    }

    // ---- the greeting, and non-object messages

    /** A greeting that is not one; "<close>": the server then closes its end, else it waits for the client's. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<close>",
        "[1, 2]\r\n",
        "\"QMP\"\r\n",
        "{\"QMP\": 1}\r\n",
        "{\"return\": {}}\r\n",
        "{\"event\": \"STOP\", \"data\": {}, \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}\r\n",
        "{\"QMP\": {\"version\": {\"qemu\": {\"mic<close>",
        "{\"QMP\": }\r\n",
    })
    void badGreetingFailsConnectAndClosesTheTransport(String greeting) throws Exception {
        boolean serverCloses = greeting.endsWith("<close>");
        AtomicReference<String> afterGreeting = new AtomicReference<>("unset");
        server.start(conn -> {
            conn.send(greeting.replace("<close>", ""));
            if (serverCloses) {
                conn.close();
            }
            afterGreeting.set(conn.read()); // null: the connection ended (the client closed its end)
        });

        assertThatThrownBy(this::connect).isInstanceOf(QmpException.class);

        server.awaitDone(Duration.ofSeconds(3));
        assertThat(afterGreeting.get()).as("what the client sent after the greeting").isNull();
    }

    @Test
    void serverThatNeverGreetsDoesNotHangConnect() throws Exception {
        server.start(conn -> conn.read()); // says nothing; returns once the client gives up (or on close)
        CompletableFuture<QmpClient> connecting = new CompletableFuture<>();
        Thread connector = new Thread(() -> {
            try {
                connecting.complete(connect());
            } catch (Throwable e) {
                connecting.completeExceptionally(e);
            }
        }, "test-connector");
        connector.start();
        try {
            Throwable failure = connecting.handle((c, e) -> e).get(COMMAND_TIMEOUT.toSeconds() + 3, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(QmpException.class);
        } catch (TimeoutException e) {
            fail("connect() still blocked " + (COMMAND_TIMEOUT.toSeconds() + 3)
                    + " s after connecting to a server that sends no greeting (command timeout "
                    + COMMAND_TIMEOUT.toSeconds() + " s)");
        } finally {
            server.close(); // unblocks a hung connect
            connector.join(3000);
            if (connecting.isDone() && !connecting.isCompletedExceptionally()) {
                connecting.join().close();
            }
            assertThat(connector.isAlive()).isFalse();
        }
    }

    @Test
    void nonObjectMessageEndsTheConnection() throws Exception {
        AtomicReference<String> afterGarbage = new AtomicReference<>("unset");
        server.start(conn -> {
            conn.greet();
            conn.readId();
            conn.send("[1, 2]\r\n");
            afterGarbage.set(conn.read()); // the server keeps the connection open: the client must end it
        });
        connectAndListen();

        Throwable failure = failure(client.executeAsync(QUERY_STATUS, null));

        assertThat(failure).isInstanceOf(QmpConnectionClosedException.class).hasMessageContaining("JSON object");
        assertThat(failure(client.executeAsync(QUERY_STATUS, null))).isInstanceOf(QmpConnectionClosedException.class);
        awaitNoReader();
        server.awaitDone(Duration.ofSeconds(3));
        assertThat(afterGarbage.get()).isNull();
    }
}
