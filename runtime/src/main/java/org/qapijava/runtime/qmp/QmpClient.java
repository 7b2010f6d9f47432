package org.qapijava.runtime.qmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.qapijava.runtime.command.AsyncCommandExecutor;
import org.qapijava.runtime.command.CommandDescriptor;
import org.qapijava.runtime.command.CommandExecutor;
import org.qapijava.runtime.event.EventDecoder;
import org.qapijava.runtime.event.EventTimestamp;
import org.qapijava.runtime.event.QmpEvent;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.json.JsonValue.JsonObject;
import org.qapijava.runtime.wire.DecodeException;
import org.qapijava.runtime.wire.WireReader;
import org.qapijava.runtime.wire.WireWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * A QMP connection: the greeting and capability negotiation, then commands sent with unique ids and matched
 * to their replies by id (never by order), from any number of threads at once and pipelined; events to
 * listeners and to waiters armed before the command that causes them.
 *
 * <p>A reader thread reads messages as a stream of JSON values (not lines: a pretty-printed message spans
 * many), each within {@link QmpOptions#maxMessageBytes} and {@link QmpOptions#maxNestingDepth}. Replies
 * complete their futures on it, so chain slow work with the {@code *Async} methods of
 * {@link CompletableFuture}. Listeners each get their own thread and bounded queue (see
 * {@link QmpOptions#listenerQueueCapacity}). When the connection ends, every pending call fails at once with
 * a {@link QmpConnectionClosedException} carrying the cause, except {@code quit}, which completes.
 *
 * <p>Every message sent and received is logged in full through {@link System.Logger} at DEBUG (logger
 * {@code org.qapijava.runtime.qmp.QmpClient}); nothing is logged by default.
 */
public final class QmpClient implements CommandExecutor, AsyncCommandExecutor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QmpClient.class.getName());
    private static final int NEGOTIATING = 0;
    private static final int NEGOTIATED = 1;
    private static final int TIMED_OUT = 2;

    private record Pending<R>(CommandDescriptor<?, R> command, long id, CompletableFuture<R> future) {}

    private record EventWait(Predicate<QmpEvent> filter, CompletableFuture<QmpEvent> future) {}

    private final Transport transport;
    private final QmpOptions options;
    private final SizeLimitedInput input;
    private final JsonParser parser;
    private final OutputStream out;
    private final JsonFactory json;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
    private final List<ListenerQueue> listeners = new CopyOnWriteArrayList<>();
    private final List<EventWait> waits = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> diagnostics = message -> LOG.log(Level.WARNING, message);
    private volatile QmpConnectionClosedException closed;
    private Greeting greeting;
    private boolean oobEnabled;
    private Thread reader;

    private QmpClient(Transport transport, QmpOptions options) {
        this.transport = transport;
        this.options = options;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(options.maxNestingDepth()).build())
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        this.input = new SizeLimitedInput(transport.input(), options.maxMessageBytes());
        this.parser = json.createParser(ObjectReadContext.empty(), input);
        this.out = transport.output();
    }

    /**
     * Connects over a transport: reads the greeting, negotiates capabilities, and starts reading replies.
     * Negotiation gets the command timeout; a peer that accepts but never greets (a monitor already serving
     * another client) is a {@link QmpTimeoutException}, a malformed greeting a
     * {@link QmpConnectionClosedException}. The transport is closed when connecting fails.
     */
    public static QmpClient connect(Transport transport, QmpOptions options) throws IOException {
        AtomicInteger state = new AtomicInteger(NEGOTIATING);
        long timeout = options.commandTimeout().toMillis();
        CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS).execute(() -> {
            if (state.compareAndSet(NEGOTIATING, TIMED_OUT)) {
                closeQuietly(transport); // unblocks the read that waits for the greeting
            }
        });
        QmpClient client;
        try {
            client = new QmpClient(transport, options); // the parser may read the first bytes already
            client.negotiate();
        } catch (RuntimeException | IOException e) {
            closeQuietly(transport);
            if (state.get() == TIMED_OUT) {
                throw new QmpTimeoutException("no QMP greeting and negotiation within " + timeout + " ms");
            }
            if (e instanceof JacksonException bad) {
                throw new QmpConnectionClosedException("bad QMP greeting: " + bad.getOriginalMessage(), bad);
            }
            throw e;
        }
        if (!state.compareAndSet(NEGOTIATING, NEGOTIATED)) {
            closeQuietly(transport);
            throw new QmpTimeoutException("no QMP greeting and negotiation within " + timeout + " ms");
        }
        client.reader = new Thread(client::readLoop, "qmp-reader");
        client.reader.setDaemon(true);
        client.reader.start();
        return client;
    }

    public Greeting greeting() {
        return greeting;
    }

    /** Whether out-of-band execution was asked for and QEMU offered it. */
    public boolean oobEnabled() {
        return oobEnabled;
    }

    /** Where id-less errors and other messages that belong to no call go (logged at WARNING by default). */
    public void onDiagnostic(Consumer<String> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Adds a listener of every event, typed or {@link RawEvent}. It runs on a thread of its own, in the
     * order QEMU sent the events; when it falls {@link QmpOptions#listenerQueueCapacity} events behind, its
     * oldest waiting events are dropped and the drop is reported to the diagnostics listener.
     */
    public void addListener(Consumer<? super QmpEvent> listener) {
        listeners.add(new ListenerQueue(listener, options.listenerQueueCapacity(), this::diagnose));
    }

    /** Removes a listener; the events still waiting for it are not delivered. */
    public void removeListener(Consumer<? super QmpEvent> listener) {
        for (ListenerQueue queue : listeners) {
            if (queue.listener() == listener && listeners.remove(queue)) {
                queue.remove();
                return;
            }
        }
    }

    /**
     * A future of the first event of a type that matches a filter, armed now: arm it before sending the
     * command that causes the event (QEMU sends STOP before the reply to {@code stop}).
     */
    public <E extends QmpEvent> CompletableFuture<E> expectEvent(Class<E> type, Predicate<? super E> filter) {
        CompletableFuture<QmpEvent> future = new CompletableFuture<>();
        waits.add(new EventWait(e -> type.isInstance(e) && filter.test(type.cast(e)), future));
        return future.thenApply(type::cast);
    }

    /** A future of the first event with a wire name, armed now. */
    public CompletableFuture<QmpEvent> expectEvent(String wireName) {
        CompletableFuture<QmpEvent> future = new CompletableFuture<>();
        waits.add(new EventWait(e -> e.wireName().equals(wireName), future));
        return future;
    }

    @Override
    public <A, R> R execute(CommandDescriptor<A, R> command, A arguments) {
        try {
            return executeAsync(command, arguments).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public <A, R> CompletableFuture<R> executeAsync(CommandDescriptor<A, R> command, A arguments) {
        if (closed != null) {
            return CompletableFuture.failedFuture(closed);
        }
        long id = ids.incrementAndGet();
        CompletableFuture<R> future = new CompletableFuture<>();
        boolean reply = command.successResponse();
        if (reply) {
            pending.put(id, new Pending<>(command, id, future));
        }
        try {
            send(command, arguments, id);
        } catch (IOException | JacksonException e) {
            pending.remove(id);
            QmpConnectionClosedException failure = new QmpConnectionClosedException(
                    "cannot send " + command.wireName() + ": " + e.getMessage(), e);
            shutdown(failure);
            return CompletableFuture.failedFuture(failure);
        }
        if (!reply) {
            return CompletableFuture.completedFuture(null);
        }
        if (closed != null) {
            fail(id, closed); // closed while sending: the reader may have failed the others already
        }
        long timeout = options.commandTimeout().toMillis();
        CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS).execute(() -> fail(id,
                new QmpTimeoutException(command.wireName() + " (id " + id + "): no reply within " + timeout + " ms")));
        return future;
    }

    private void fail(long id, RuntimeException failure) {
        Pending<?> call = pending.remove(id);
        if (call != null) {
            call.future().completeExceptionally(failure);
        }
    }

    /** Encodes the command on the calling thread, then writes it whole under the output's lock. */
    private <A> void send(CommandDescriptor<A, ?> command, A arguments, long id) throws IOException {
        boolean oob = oobEnabled && command.allowOob();
        ByteArrayOutputStream message = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), message)) {
            generator.writeStartObject();
            generator.writeStringProperty(oob ? "exec-oob" : "execute", command.wireName());
            if (arguments != null && command.argumentsEncoder() != null) {
                generator.writeName("arguments");
                command.argumentsEncoder().encode(WireWriter.of(generator), arguments);
            }
            generator.writeNumberProperty("id", id);
            generator.writeEndObject();
        }
        write(message);
    }

    private void write(ByteArrayOutputStream message) throws IOException {
        synchronized (out) {
            message.writeTo(out);
            out.flush();
        }
        LOG.log(Level.DEBUG, () -> "sent " + message.toString(StandardCharsets.UTF_8));
    }

    private void negotiate() throws IOException {
        JsonObject first = next();
        if (first == null || !(first.get("QMP") instanceof JsonObject qmp)) {
            throw new QmpException("expected QEMU's QMP greeting, got " + first, null);
        }
        greeting = parseGreeting(qmp);
        oobEnabled = options.oob() && greeting.capabilities().contains("oob");
        ByteArrayOutputStream capabilities = new ByteArrayOutputStream();
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), capabilities)) {
            generator.writeStartObject();
            generator.writeStringProperty("execute", "qmp_capabilities");
            if (oobEnabled) {
                generator.writeName("arguments");
                generator.writeStartObject();
                generator.writeName("enable");
                generator.writeStartArray();
                generator.writeString("oob");
                generator.writeEndArray();
                generator.writeEndObject();
            }
            generator.writeNumberProperty("id", 0);
            generator.writeEndObject();
        }
        write(capabilities);
        while (true) {
            JsonObject message = next();
            if (message == null) {
                throw new QmpConnectionClosedException("QEMU closed the connection during negotiation", null);
            }
            if (message.get("error") instanceof JsonObject error) {
                throw new QmpErrorException(text(error.get("class")), text(error.get("desc")), "qmp_capabilities", 0);
            }
            if (message.members().containsKey("return")) {
                return;
            }
            dispatch(message);
        }
    }

    private static Greeting parseGreeting(JsonObject qmp) {
        int major = 0;
        int minor = 0;
        int micro = 0;
        String packageName = "";
        if (qmp.get("version") instanceof JsonObject version) {
            if (version.get("qemu") instanceof JsonObject qemu) {
                major = number(qemu.get("major"));
                minor = number(qemu.get("minor"));
                micro = number(qemu.get("micro"));
            }
            packageName = text(version.get("package"));
        }
        List<String> capabilities = new ArrayList<>();
        if (qmp.get("capabilities") instanceof JsonValue.JsonArray array) {
            for (JsonValue item : array.items()) {
                if (item instanceof JsonValue.JsonString s) {
                    capabilities.add(s.value());
                }
            }
        }
        return new Greeting(major, minor, micro, packageName, capabilities);
    }

    /** The next message, or null at the end of the stream. */
    private JsonObject next() throws SizeLimitedInput.TooLargeException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        input.begin(parser.currentTokenLocation().getByteOffset());
        JsonValue message = WireReader.readTree(parser);
        input.checkLength(parser.currentLocation().getByteOffset());
        LOG.log(Level.DEBUG, () -> "received " + message);
        if (!(message instanceof JsonObject object)) {
            throw new QmpException("a QMP message must be a JSON object, got " + message, null);
        }
        return object;
    }

    private void readLoop() {
        QmpConnectionClosedException end;
        try {
            for (JsonObject message = next(); message != null; message = next()) {
                dispatch(message);
            }
            end = new QmpConnectionClosedException("QEMU closed the connection", null);
        } catch (SizeLimitedInput.TooLargeException e) {
            end = new QmpConnectionClosedException(e.getMessage(), e);
        } catch (StreamConstraintsException e) {
            end = new QmpConnectionClosedException("a QMP message exceeds a limit (QmpOptions.maxNestingDepth "
                    + options.maxNestingDepth() + "): " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SizeLimitedInput.TooLargeException tooLarge) { // through the parser
                end = new QmpConnectionClosedException(tooLarge.getMessage(), tooLarge);
            } else {
                end = new QmpConnectionClosedException("connection failed: " + e.getMessage(), e);
            }
        }
        shutdown(end);
    }

    private void dispatch(JsonObject message) {
        if (message.get("event") instanceof JsonValue.JsonString name) {
            event(name.value(), message);
            return;
        }
        boolean isReturn = message.members().containsKey("return");
        if (!isReturn && !(message.get("error") instanceof JsonObject)) {
            diagnose("unexpected message: " + message);
            return;
        }
        if (!(message.get("id") instanceof JsonValue.JsonNumber number)) {
            diagnose("reply without an id: " + message);
            return;
        }
        long id = number.value().longValue();
        Pending<?> call = pending.remove(id);
        if (call == null) {
            diagnose("reply to no pending command (id " + id + ", perhaps after its timeout): " + message);
            return;
        }
        complete(call, message, isReturn);
    }

    private <R> void complete(Pending<R> call, JsonObject message, boolean isReturn) {
        if (!isReturn) {
            JsonObject error = (JsonObject) message.get("error");
            call.future().completeExceptionally(new QmpErrorException(text(error.get("class")),
                    text(error.get("desc")), call.command().wireName(), call.id()));
            return;
        }
        try {
            R result = call.command().resultDecoder() == null ? null
                    : WireReader.of(message.get("return"), options.policy()).read(call.command().resultDecoder());
            call.future().complete(result);
        } catch (DecodeException e) {
            call.future().completeExceptionally(e);
        }
    }

    private void event(String name, JsonObject message) {
        JsonObject data = message.get("data") instanceof JsonObject object ? object : JsonObject.EMPTY;
        EventTimestamp timestamp = EventTimestamp.NONE;
        if (message.get("timestamp") instanceof JsonObject time) {
            timestamp = new EventTimestamp(longNumber(time.get("seconds")), longNumber(time.get("microseconds")));
        }
        QmpEvent event = new RawEvent(name, data, timestamp);
        EventDecoder<?> decoder = options.events().get(name);
        if (decoder != null) {
            try {
                event = decoder.decode(WireReader.of(data, options.policy()), timestamp);
            } catch (DecodeException e) {
                diagnose("event " + name + " does not decode, delivered raw: " + e.getMessage());
            }
        }
        for (EventWait wait : waits) {
            if (wait.filter().test(event) && waits.remove(wait)) {
                wait.future().complete(event);
            }
        }
        for (ListenerQueue listener : listeners) {
            listener.offer(event);
        }
    }

    /** Ends the connection: pending calls fail with the cause, a pending quit completes, waiters fail. */
    private void shutdown(QmpConnectionClosedException cause) {
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = cause;
        }
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the transport failed", e);
        }
        for (Long id : List.copyOf(pending.keySet())) {
            Pending<?> call = pending.remove(id);
            if (call == null) {
                continue;
            }
            if (call.command().wireName().equals("quit")) {
                call.future().complete(null); // QEMU may close the socket before its reply to quit
            } else {
                call.future().completeExceptionally(cause);
            }
        }
        for (EventWait wait : waits) {
            wait.future().completeExceptionally(cause);
        }
        waits.clear();
    }

    /** Whether the connection has ended. */
    public boolean isClosed() {
        return closed != null;
    }

    /**
     * Ends the connection, waits for the reader to stop, and lets each listener finish the events already
     * queued for it (waiting at most 5 s for each; a listener still busy then is interrupted).
     */
    @Override
    public void close() {
        shutdown(new QmpConnectionClosedException("closed by the client", null));
        if (reader != null && reader != Thread.currentThread()) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ListenerQueue listener : listeners) {
            listener.close(5000);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the transport failed", e);
        }
    }

    /** Hands a message to the diagnostics listener, which may not end the connection by throwing. */
    private void diagnose(String message) {
        try {
            diagnostics.accept(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "diagnostics listener failed on: " + message, e);
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonValue.JsonString s ? s.value() : String.valueOf(value);
    }

    private static int number(JsonValue value) {
        return value instanceof JsonValue.JsonNumber n ? n.value().intValue() : 0;
    }

    private static long longNumber(JsonValue value) {
        return value instanceof JsonValue.JsonNumber n ? n.value().longValue() : -1;
    }
}
