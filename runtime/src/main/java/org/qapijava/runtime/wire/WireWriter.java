package org.qapijava.runtime.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.runtime.json.JsonValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes generated types as QMP JSON: present members only, in wire order, then the members a lenient decode
 * kept aside; an {@code UNRECOGNIZED} enum constant is written as the wire string its object kept.
 */
public final class WireWriter {
    private static final JsonFactory JSON = new JsonFactory();

    /** One open object: what it kept aside, and where it starts in the path. */
    private record Frame(UnknownFields unknown, int depth) {}

    private final JsonGenerator out;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private Object[] path = new Object[32];
    private int depth;

    private WireWriter(JsonGenerator out) {
        this.out = out;
    }

    public static WireWriter of(JsonGenerator out) {
        return new WireWriter(out);
    }

    /** Writes one value to a new byte array. */
    public static <T> byte[] toBytes(Encoder<T> encoder, T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            encoder.encode(new WireWriter(generator), value);
        }
        return bytes.toByteArray();
    }

    public void beginObject(UnknownFields unknown) {
        out.writeStartObject();
        frames.push(new Frame(unknown, depth));
        push(null);
    }

    /** Starts a member; its value follows. */
    public void name(String wireName) {
        path[depth - 1] = wireName;
        out.writeName(wireName);
    }

    /** Writes the members the object kept aside, and closes it. */
    public void endObject() {
        Frame frame = frames.pop();
        depth--;
        for (Map.Entry<String, JsonValue> member : frame.unknown().members().entrySet()) {
            out.writeName(member.getKey());
            writeAny(member.getValue());
        }
        out.writeEndObject();
    }

    public void writeString(String value) {
        out.writeString(value);
    }

    public void writeBool(boolean value) {
        out.writeBoolean(value);
    }

    public void writeNumber(double value) {
        out.writeNumber(value);
    }

    public void writeInt(long value) {
        out.writeNumber(value);
    }

    /** An unsigned 64-bit value held in a long's bits. */
    public void writeUint64(long value) {
        if (value >= 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(new BigInteger(Long.toUnsignedString(value)));
        }
    }

    public void writeNull() {
        out.writeNull();
    }

    /**
     * An enum value: its wire name, or for {@code UNRECOGNIZED} (a null wire name) the string its object
     * kept; without one, an {@link EncodeException}.
     */
    public void writeEnum(String wireName) {
        if (wireName != null) {
            out.writeString(wireName);
            return;
        }
        Frame frame = frames.peek();
        String key = frame == null ? "" : WireReader.relative(path, frame.depth(), depth);
        String kept = frame == null ? null : frame.unknown().enumValues().get(key);
        if (kept == null) {
            throw new EncodeException(path(), "UNRECOGNIZED enum value with no wire string kept for it");
        }
        out.writeString(kept);
    }

    /** A union's discriminator: its wire name, or for an unknown branch the string its object kept. */
    public void writeDiscriminator(String member, String wireName) {
        name(member);
        if (wireName != null) {
            out.writeString(wireName);
            return;
        }
        String kept = frames.peek().unknown().enumValues().get(member);
        if (kept == null) {
            throw new EncodeException(path(), "unknown union branch with no discriminator value kept for it");
        }
        out.writeString(kept);
    }

    /** An optional member: its name and value when it is present, nothing when it is absent. */
    public <T> void writeOptional(String wireName, Optional<T> value, Encoder<? super T> encoder) {
        if (value.isPresent()) {
            name(wireName);
            encoder.encode(this, value.get());
        }
    }

    public <T> void writeList(List<T> items, Encoder<T> element) {
        out.writeStartArray();
        push(0);
        for (int i = 0; i < items.size(); i++) {
            path[depth - 1] = i;
            element.encode(this, items.get(i));
        }
        depth--;
        out.writeEndArray();
    }

    public void writeAny(JsonValue value) {
        if (value instanceof JsonValue.JsonObject object) {
            out.writeStartObject();
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                out.writeName(member.getKey());
                writeAny(member.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof JsonValue.JsonArray array) {
            out.writeStartArray();
            for (JsonValue item : array.items()) {
                writeAny(item);
            }
            out.writeEndArray();
        } else if (value instanceof JsonValue.JsonString string) {
            out.writeString(string.value());
        } else if (value instanceof JsonValue.JsonNumber number) {
            BigDecimal decimal = number.value();
            if (decimal.scale() <= 0) {
                out.writeNumber(decimal.toBigIntegerExact());
            } else {
                out.writeNumber(decimal);
            }
        } else if (value instanceof JsonValue.JsonBoolean bool) {
            out.writeBoolean(bool.value());
        } else {
            out.writeNull();
        }
    }

    private void push(Object segment) {
        if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = segment;
    }

    private String path() {
        return "$" + (depth == 0 ? "" : (path[0] instanceof Integer ? "" : ".") + WireReader.relative(path, 0, depth));
    }
}
