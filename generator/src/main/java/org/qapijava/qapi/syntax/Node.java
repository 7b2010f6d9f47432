package org.qapijava.qapi.syntax;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapijava.qapi.source.Location;

/** A value of the schema's JSON-like syntax, with the place it was written. */
public sealed interface Node {

    Location location();

    /** How messages name this kind of value. */
    String describe();

    /** A single-quoted string. */
    record Str(String value, Location location) implements Node {
        @Override
        public String describe() {
            return "string";
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, Location location) implements Node {
        @Override
        public String describe() {
            return "boolean";
        }
    }

    /** A list. */
    record Arr(List<Node> items, Location location) implements Node {
        public Arr {
            items = Collections.unmodifiableList(items);
        }

        @Override
        public String describe() {
            return "array";
        }
    }

    /** An object; its keys are unique and keep the order they were written in. */
    record Obj(Map<String, Field> fields, Location location) implements Node {
        public Obj {
            fields = Collections.unmodifiableMap(fields);
        }

        /** One key and its value. */
        public record Field(Str key, Node value) {}

        public Node get(String key) {
            Field field = fields.get(key);
            return field == null ? null : field.value();
        }

        public boolean has(String key) {
            return fields.containsKey(key);
        }

        public Set<String> keys() {
            return fields.keySet();
        }

        @Override
        public String describe() {
            return "object";
        }
    }
}
