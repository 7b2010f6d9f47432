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
}
