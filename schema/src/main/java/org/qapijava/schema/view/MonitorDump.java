package org.qapijava.schema.view;

import java.util.ArrayList;
import java.util.List;
import org.qapijava.runtime.json.JsonValue;
import org.qapijava.runtime.json.JsonValue.JsonArray;
import org.qapijava.runtime.json.JsonValue.JsonBoolean;
import org.qapijava.runtime.json.JsonValue.JsonNull;
import org.qapijava.runtime.json.JsonValue.JsonNumber;
import org.qapijava.runtime.json.JsonValue.JsonObject;
import org.qapijava.runtime.json.JsonValue.JsonString;

/**
 * A JSON value as QEMU's monitor dumps a QAPI object in {@code info block -v} and {@code qemu-img info}
 * ("Format specific information"): one {@code key: value} line per member, nested objects and lists
 * indented by four spaces a level, list items as {@code [i]:}, dashes in keys shown as spaces, and object
 * members in QEMU's dictionary order ({@link QDictOrder}).
 */
final class MonitorDump {
    private MonitorDump() {}

    /** Appends {@code value} dumped at {@code level}. */
    static void dump(StringBuilder out, int level, JsonValue value) {
        if (value instanceof JsonObject object) {
            List<String> keys = QDictOrder.of(new ArrayList<>(object.members().keySet()));
            for (String key : keys) {
                entry(out, level, key.replace('-', ' '), object.get(key));
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.items().size(); i++) {
                entry(out, level, "[" + i + "]", array.items().get(i));
            }
        } else {
            out.append(scalar(value));
        }
    }

    private static void entry(StringBuilder out, int level, String label, JsonValue value) {
        boolean composite = value instanceof JsonObject || value instanceof JsonArray;
        out.append(" ".repeat(level * 4)).append(label).append(':').append(composite ? '\n' : ' ');
        dump(out, level + 1, value);
        if (!composite) {
            out.append('\n');
        }
    }

    private static String scalar(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.value();
        } else if (value instanceof JsonNumber number) {
            return number.value().toPlainString();
        } else if (value instanceof JsonBoolean bool) {
            return String.valueOf(bool.value());
        } else if (value instanceof JsonNull) {
            return "null";
        }
        throw new IllegalArgumentException("not a scalar: " + value);
    }
}
