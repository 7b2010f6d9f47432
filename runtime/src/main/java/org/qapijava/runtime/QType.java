package org.qapijava.runtime;

/** The schema's predefined {@code QType} enum: the kinds of JSON value. */
public enum QType {
    NONE("none"),
    QNULL("qnull"),
    QNUM("qnum"),
    QSTRING("qstring"),
    QDICT("qdict"),
    QLIST("qlist"),
    QBOOL("qbool");

    private final String wireName;

    QType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static QType decode(org.qapijava.runtime.wire.WireReader in) {
        String wire = in.readString();
        for (QType value : values()) {
            if (value.wireName.equals(wire)) {
                return value;
            }
        }
        throw in.error("unknown value '" + wire + "' of enum QType");
    }

    public static void encode(org.qapijava.runtime.wire.WireWriter out, QType value) {
        out.writeEnum(value.wireName);
    }
}
