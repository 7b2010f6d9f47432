package org.qapijava.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qapijava.runtime.json.JsonValue;

/**
 * What a lenient decode found in an object that this version of the API does not know: members a newer QEMU
 * added, and enum values it added (the member's field is then the enum's {@code UNRECOGNIZED} constant, and
 * the wire string is kept here under the member's wire name, with {@code [index]} for list elements).
 * Encoding writes both back, so nothing is lost. Empty for values built in code or decoded strictly.
 */
public record UnknownFields(Map<String, JsonValue> members, Map<String, String> enumValues) {

    public static final UnknownFields NONE = new UnknownFields(Map.of(), Map.of());

    public UnknownFields {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        enumValues = Collections.unmodifiableMap(new LinkedHashMap<>(enumValues));
    }

    public boolean isEmpty() {
        return members.isEmpty() && enumValues.isEmpty();
    }
}
