package org.qapijava.runtime.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON value: what the schema's {@code any} type holds, and how raw events, raw arguments and
 * unknown members are carried.
 */
public sealed interface JsonValue {

    /** A JSON object; its members keep their order. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public static final JsonObject EMPTY = new JsonObject(Map.of());

        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public JsonValue get(String name) {
            return members.get(name);
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {}

    /** A JSON number, exactly as written. */
    record JsonNumber(BigDecimal value) implements JsonValue {}

    /** {@code true} or {@code false}. */
    record JsonBoolean(boolean value) implements JsonValue {}

    /** {@code null}. */
    enum JsonNull implements JsonValue {
        INSTANCE
    }
}
