package org.qapijava.runtime.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import org.qapijava.runtime.json.JsonValue;
import tools.jackson.core.JsonToken;

/** Tokens from a walk over a JSON tree, for values a union read ahead of its discriminator. */
final class TreeTokens implements Tokens {
    /** An open object or array: what is left of it. */
    private record Open(Iterator<Map.Entry<String, JsonValue>> members, Iterator<JsonValue> items) {}

    private final Deque<Open> open = new ArrayDeque<>();
    private JsonToken token;
    private String name;
    private JsonValue value;
    /** The member value to visit after its name, if the current token is a name. */
    private JsonValue pending;

    TreeTokens(JsonValue root) {
        visit(root);
    }

    private void visit(JsonValue v) {
        value = v;
        name = null;
        if (v instanceof JsonValue.JsonObject object) {
            token = JsonToken.START_OBJECT;
            open.push(new Open(object.members().entrySet().iterator(), null));
        } else if (v instanceof JsonValue.JsonArray array) {
            token = JsonToken.START_ARRAY;
            open.push(new Open(null, array.items().iterator()));
        } else if (v instanceof JsonValue.JsonString) {
            token = JsonToken.VALUE_STRING;
        } else if (v instanceof JsonValue.JsonNumber number) {
            token = number.value().scale() <= 0 ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
        } else if (v instanceof JsonValue.JsonBoolean bool) {
            token = bool.value() ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
        } else {
            token = JsonToken.VALUE_NULL;
        }
    }

    @Override
    public JsonToken token() {
        return token;
    }

    @Override
    public void advance() {
        if (pending != null) {
            JsonValue next = pending;
            pending = null;
            visit(next);
            return;
        }
        Open top = open.peek();
        if (top == null) {
            token = null;
            return;
        }
        if (top.members() != null) {
            if (top.members().hasNext()) {
                Map.Entry<String, JsonValue> member = top.members().next();
                token = JsonToken.PROPERTY_NAME;
                name = member.getKey();
                pending = member.getValue();
            } else {
                open.pop();
                token = JsonToken.END_OBJECT;
            }
        } else if (top.items().hasNext()) {
            visit(top.items().next());
        } else {
            open.pop();
            token = JsonToken.END_ARRAY;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String text() {
        return value instanceof JsonValue.JsonString s ? s.value() : ((JsonValue.JsonNumber) value).value().toString();
    }

    @Override
    public long longValue() {
        return ((JsonValue.JsonNumber) value).value().longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return ((JsonValue.JsonNumber) value).value().toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
        return ((JsonValue.JsonNumber) value).value().doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return ((JsonValue.JsonNumber) value).value();
    }

    @Override
    public boolean fitsLong() {
        BigDecimal number = ((JsonValue.JsonNumber) value).value();
        return number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    @Override
    public JsonValue readTree() {
        JsonValue current = value;
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            open.pop();
        }
        advance();
        return current;
    }
}
