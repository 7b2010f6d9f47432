package org.qapijava.runtime.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qapijava.runtime.json.JsonValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Tokens from a Jackson streaming parser. */
final class ParserTokens implements Tokens {
    private final JsonParser parser;

    ParserTokens(JsonParser parser) {
        this.parser = parser;
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
    }

    @Override
    public JsonToken token() {
        return parser.currentToken();
    }

    @Override
    public void advance() {
        parser.nextToken();
    }

    @Override
    public String name() {
        return parser.currentName();
    }

    @Override
    public String text() {
        return parser.getString();
    }

    @Override
    public long longValue() {
        return parser.getLongValue();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return parser.getBigIntegerValue();
    }

    @Override
    public double doubleValue() {
        return parser.getDoubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return parser.getDecimalValue();
    }

    @Override
    public boolean fitsLong() {
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    @Override
    public JsonValue readTree() {
        JsonValue value = tree(parser);
        parser.nextToken();
        return value;
    }

    /** Reads the value at the parser's current token as a tree, leaving the parser on its last token. */
    static JsonValue tree(JsonParser parser) throws JacksonException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, tree(parser));
                }
                return new JsonValue.JsonObject(members);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(tree(parser));
                }
                return new JsonValue.JsonArray(items);
            }
            case VALUE_STRING -> {
                return new JsonValue.JsonString(parser.getString());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JsonValue.JsonNumber(parser.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return new JsonValue.JsonBoolean(true);
            }
            case VALUE_FALSE -> {
                return new JsonValue.JsonBoolean(false);
            }
            default -> {
                return JsonValue.JsonNull.INSTANCE;
            }
        }
    }
}
