package org.qapijava.runtime.wire;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qapijava.runtime.QNull;
import org.qapijava.runtime.UnknownFields;
import org.qapijava.runtime.json.JsonValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads QMP JSON into generated types under a {@link DecodePolicy}, keeping the JSON path of the value being
 * read so that every error names its place ({@code $.inserted.image.backing-image.snapshots[1].icount}).
 *
 * <p>Generated code drives it: {@link #beginObject}, {@link #nextMember} until null, the typed readers, and
 * {@link #endObject}, which hands back what a lenient read kept aside for the object. Not thread-safe.
 */
public final class WireReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** One open object: where it starts in the path, and what a lenient read set aside in it. */
    private static final class Frame {
        final int depth;
        boolean memberOpen;
        Map<String, JsonValue> members;
        Map<String, String> enumValues;
        ArrayDeque<Map.Entry<String, JsonValue>> replay;
        Tokens streaming;

        Frame(int depth) {
            this.depth = depth;
        }
    }

    private final DecodePolicy policy;
    private Tokens tokens;
    private Object[] path = new Object[32];
    private int depth;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();

    private WireReader(Tokens tokens, DecodePolicy policy) {
        this.tokens = tokens;
        this.policy = policy;
    }

    /** A reader of one JSON text. */
    public static WireReader of(byte[] json, DecodePolicy policy) {
        return new WireReader(new ParserTokens(JSON.createParser(ObjectReadContext.empty(), json)), policy);
    }

    /** A reader positioned on the current token of a parser (the first token is read if none is current). */
    public static WireReader of(JsonParser parser, DecodePolicy policy) {
        return new WireReader(new ParserTokens(parser), policy);
    }

    /** A reader of a JSON tree, such as an event's data that the runtime has already read. */
    public static WireReader of(JsonValue value, DecodePolicy policy) {
        return new WireReader(new TreeTokens(value), policy);
    }

    /**
     * Reads the value at a parser's current token as a tree and leaves the parser on its last token, so that
     * a stream of messages is read one message at a time without waiting for the next.
     */
    public static JsonValue readTree(JsonParser parser) {
        return ParserTokens.tree(parser);
    }

    /** Decodes one whole value; malformed JSON is a {@link DecodeException} too. */
    public <T> T read(Decoder<T> decoder) {
        try {
            return decoder.decode(this);
        } catch (JacksonException e) {
            throw new DecodeException(path(), "malformed JSON: " + e.getOriginalMessage());
        }
    }

    public DecodePolicy policy() {
        return policy;
    }

    // ---- objects

    /** Enters an object. */
    public void beginObject() {
        expect(JsonToken.START_OBJECT, "an object");
        tokens.advance();
        frames.push(new Frame(depth));
    }

    /**
     * The next member's name, the reader then being on its value; null when the object has no more. Members
     * that {@link #readDiscriminator} read ahead come first.
     */
    public String nextMember() {
        Frame frame = frames.peek();
        if (frame.streaming != null) {
            tokens = frame.streaming;
            frame.streaming = null;
        }
        if (frame.memberOpen) {
            depth--;
            frame.memberOpen = false;
        }
        if (frame.replay != null && !frame.replay.isEmpty()) {
            Map.Entry<String, JsonValue> member = frame.replay.poll();
            frame.streaming = tokens;
            tokens = new TreeTokens(member.getValue());
            return enter(frame, member.getKey());
        }
        if (tokens.token() == JsonToken.PROPERTY_NAME) {
            String name = tokens.name();
            tokens.advance();
            return enter(frame, name);
        }
        if (tokens.token() != JsonToken.END_OBJECT) {
            throw error("malformed object");
        }
        tokens.advance();
        return null;
    }

    private String enter(Frame frame, String name) {
        push(name);
        frame.memberOpen = true;
        return name;
    }

    /** Leaves the object whose members were all read; returns what a lenient read set aside in it. */
    public UnknownFields endObject() {
        Frame frame = frames.pop();
        if (frame.members == null && frame.enumValues == null) {
            return UnknownFields.NONE;
        }
        return new UnknownFields(frame.members == null ? Map.of() : frame.members,
                frame.enumValues == null ? Map.of() : frame.enumValues);
    }

    /** A member the type does not have: an error when strict, set aside when lenient. */
    public void unknownMember(String name, String typeName) {
        if (policy == DecodePolicy.STRICT) {
            throw error("unknown member '" + name + "' of " + typeName);
        }
        Frame frame = frames.peek();
        if (frame.members == null) {
            frame.members = new LinkedHashMap<>();
        }
        frame.members.put(name, tokens.readTree());
    }

    /** Fails with {@link #missing} when a required member was not read (its value is still null). */
    public void required(Object value, String member, String typeName) {
        if (value == null) {
            throw missing(member, typeName);
        }
    }

    /** The error for a required member that the object lacks; the path is the object's. */
    public DecodeException missing(String member, String typeName) {
        return new DecodeException(path(frames.peek().depth), "missing required member '" + member + "' of "
                + typeName);
    }

    /**
     * Reads members of the current object ahead until the union discriminator, and returns its value; the
     * members read ahead are replayed by {@link #nextMember}.
     */
    public String readDiscriminator(String name, String unionName) {
        Frame frame = frames.peek();
        JsonValue replayed = takeReplayed(frame, name);
        if (replayed != null) {
            if (!(replayed instanceof JsonValue.JsonString value)) {
                push(name);
                throw error("expected a string, found " + describe(replayed));
            }
            return value.value();
        }
        while (tokens.token() == JsonToken.PROPERTY_NAME) {
            String member = tokens.name();
            tokens.advance();
            if (member.equals(name)) {
                push(member);
                String value = readString();
                depth--;
                return value;
            }
            if (frame.replay == null) {
                frame.replay = new ArrayDeque<>();
            }
            frame.replay.add(Map.entry(member, tokens.readTree()));
        }
        throw missing(name, unionName);
    }

    /**
     * Takes one member of the current object out ahead of the others (a union's base member, when the branch
     * is itself a union that reads the rest): its value, or null when the object lacks it.
     */
    public JsonValue readAhead(String name) {
        Frame frame = frames.peek();
        JsonValue replayed = takeReplayed(frame, name);
        if (replayed != null) {
            return replayed;
        }
        while (tokens.token() == JsonToken.PROPERTY_NAME) {
            String member = tokens.name();
            tokens.advance();
            JsonValue value = tokens.readTree();
            if (member.equals(name)) {
                return value;
            }
            if (frame.replay == null) {
                frame.replay = new ArrayDeque<>();
            }
            frame.replay.add(Map.entry(member, value));
        }
        return null;
    }

    /** Removes a member that was read ahead from the object's replay queue; null when none has the name. */
    private static JsonValue takeReplayed(Frame frame, String name) {
        if (frame.replay != null) {
            for (Map.Entry<String, JsonValue> member : frame.replay) {
                if (member.getKey().equals(name)) {
                    frame.replay.remove(member);
                    return member.getValue();
                }
            }
        }
        return null;
    }

    /** Decodes a member value that {@link #readAhead} took, with its path and this reader's policy. */
    public <T> T decodeMember(String name, JsonValue value, Decoder<T> decoder) {
        Tokens saved = tokens;
        tokens = new TreeTokens(value);
        push(name);
        try {
            return decoder.decode(this);
        } finally {
            depth--;
            tokens = saved;
        }
    }

    private static String describe(JsonValue value) {
        if (value instanceof JsonValue.JsonObject) {
            return "an object";
        }
        if (value instanceof JsonValue.JsonArray) {
            return "an array";
        }
        if (value instanceof JsonValue.JsonString) {
            return "a string";
        }
        if (value instanceof JsonValue.JsonNumber) {
            return "a number";
        }
        return value instanceof JsonValue.JsonBoolean ? "a boolean" : "null";
    }

    /**
     * A union branch this version does not know: an error when strict; when lenient the discriminator's
     * value is kept with the object's unknown enum values, under its name.
     */
    public void unknownBranch(String discriminator, String value, String unionName) {
        if (policy == DecodePolicy.STRICT) {
            push(discriminator);
            throw error("unknown branch '" + value + "' of union " + unionName);
        }
        keepEnumValue(discriminator, value);
    }

    // ---- scalars

    public String readString() {
        expect(JsonToken.VALUE_STRING, "a string");
        String value = tokens.text();
        tokens.advance();
        return value;
    }

    public boolean readBool() {
        JsonToken token = tokens.token();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw wrongType("a boolean");
        }
        tokens.advance();
        return token == JsonToken.VALUE_TRUE;
    }

    /** {@code number}: any JSON number. */
    public double readNumber() {
        JsonToken token = tokens.token();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType("a number");
        }
        double value = tokens.doubleValue();
        tokens.advance();
        return value;
    }

    /** {@code int}, {@code int64}. */
    public long readInt64() {
        expect(JsonToken.VALUE_NUMBER_INT, "an integer");
        if (!tokens.fitsLong()) {
            throw error(tokens.text() + " is out of range for int64");
        }
        long value = tokens.longValue();
        tokens.advance();
        return value;
    }

    /** {@code uint64}, {@code size}: the unsigned value's bits in a long. */
    public long readUint64() {
        expect(JsonToken.VALUE_NUMBER_INT, "an integer");
        long value;
        if (tokens.fitsLong() && tokens.longValue() >= 0) {
            value = tokens.longValue();
        } else {
            BigInteger big = tokens.bigIntegerValue();
            if (big.signum() < 0 || big.compareTo(UINT64_MAX) > 0) {
                throw error(big + " is out of range for uint64");
            }
            value = big.longValue();
        }
        tokens.advance();
        return value;
    }

    /** {@code uint32}. */
    public long readUint32() {
        return readRange(0, 0xFFFF_FFFFL, "uint32");
    }

    /** {@code int8}, {@code int16}, {@code int32}, {@code uint8}, {@code uint16}. */
    public int readInt(int min, int max, String typeName) {
        return (int) readRange(min, max, typeName);
    }

    private long readRange(long min, long max, String typeName) {
        expect(JsonToken.VALUE_NUMBER_INT, "an integer");
        long value = tokens.fitsLong() ? tokens.longValue() : Long.MAX_VALUE;
        if (!tokens.fitsLong() || value < min || value > max) {
            throw error(tokens.text() + " is out of range for " + typeName);
        }
        tokens.advance();
        return value;
    }

    public QNull readNull() {
        expect(JsonToken.VALUE_NULL, "null");
        tokens.advance();
        return QNull.INSTANCE;
    }

    /** {@code any}: whatever value is there. */
    public JsonValue readAny() {
        if (tokens.token() == null) {
            throw error("expected a value, found the end of the input");
        }
        return tokens.readTree();
    }

    /**
     * The wire string of an enum value that this version does not know: an error when strict; when lenient it
     * is kept with the containing object's unknown enum values, under the path from that object.
     */
    public void unknownEnumValue(String value, String enumName) {
        if (policy == DecodePolicy.STRICT) {
            throw error("unknown value '" + value + "' of enum " + enumName);
        }
        keepEnumValue(null, value);
    }

    private void keepEnumValue(String member, String value) {
        Frame frame = frames.peek();
        if (frame == null) {
            return; // a bare enum value outside any object: nowhere to keep its string
        }
        if (frame.enumValues == null) {
            frame.enumValues = new LinkedHashMap<>();
        }
        frame.enumValues.put(member != null ? member : relativePath(frame.depth), value);
    }

    // ---- arrays and kinds

    public <T> List<T> readList(Decoder<T> element) {
        expect(JsonToken.START_ARRAY, "an array");
        tokens.advance();
        List<T> items = new ArrayList<>();
        for (int i = 0; tokens.token() != JsonToken.END_ARRAY; i++) {
            if (tokens.token() == null) {
                throw error("malformed array");
            }
            push(i);
            items.add(element.decode(this));
            depth--;
        }
        tokens.advance();
        return Collections.unmodifiableList(items);
    }

    /** The kind of the next value, which alternates choose their branch by. */
    public JsonKind peek() {
        JsonKind kind = kindOf(tokens.token());
        if (kind == null) {
            throw error(tokens.token() == null ? "expected a value, found the end of the input" : "malformed JSON");
        }
        return kind;
    }

    private static JsonKind kindOf(JsonToken token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case START_OBJECT -> JsonKind.OBJECT;
            case START_ARRAY -> JsonKind.ARRAY;
            case VALUE_STRING -> JsonKind.STRING;
            case VALUE_NUMBER_INT -> JsonKind.INTEGER;
            case VALUE_NUMBER_FLOAT -> JsonKind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> JsonKind.BOOLEAN;
            case VALUE_NULL -> JsonKind.NULL;
            default -> null;
        };
    }

    /** The error for a value of a kind that no branch of an alternate takes. */
    public DecodeException noBranch(String alternateName) {
        return error("no branch of alternate " + alternateName + " takes " + peek().describe());
    }

    // ---- paths and errors

    private void push(Object segment) {
        if (depth == path.length) {
            path = java.util.Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = segment;
    }

    private void expect(JsonToken token, String what) {
        if (tokens.token() != token) {
            throw wrongType(what);
        }
    }

    private DecodeException wrongType(String what) {
        JsonKind kind = kindOf(tokens.token());
        String found = tokens.token() == null ? "the end of the input" : kind == null ? "malformed JSON" : kind.describe();
        return error("expected " + what + ", found " + found);
    }

    /** An error at the current path. */
    public DecodeException error(String problem) {
        return new DecodeException(path(), problem);
    }

    /** The current JSON path, such as {@code $.inserted.image.snapshots[1].icount}. */
    public String path() {
        return path(depth);
    }

    private String path(int length) {
        StringBuilder out = new StringBuilder("$");
        for (int i = 0; i < length; i++) {
            Object segment = path[i];
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(segment);
            }
        }
        return out.toString();
    }

    /** The path from an object to the current value: {@code drv}, {@code drivers[2]}. */
    private String relativePath(int from) {
        return relative(path, from, depth);
    }

    /** Path segments from one depth to another: {@code drv}, {@code drivers[2]}, {@code [0]}. */
    static String relative(Object[] segments, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (segments[i] instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segments[i]);
            }
        }
        return out.toString();
    }
}
