package org.qapijava.qapi.syntax;

import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.source.Location;
import org.qapijava.qapi.source.SourceFile;

/**
 * Splits one schema file into tokens: the six punctuation characters, single-quoted strings, {@code true},
 * {@code false}, and comment lines (returned only inside documentation comments, or when they start one).
 */
final class Lexer {

    enum Kind { LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, STRING, TRUE, FALSE, COMMENT, EOF }

    private final String src;
    private final SourceFile file;
    private int cursor;
    private int line = 1;
    private int lineStart;
    /** Where the last recovery resumed, so that it never resumes twice at the same place. */
    private int lastResume = -1;
    /** The last column computed on the current line, and where: columns are counted on from there. */
    private int columnPos = -1;
    private int column;

    /** The current token; for STRING the string's value, for COMMENT the whole line from its '#'. */
    Kind kind;
    String value;
    int start;

    Lexer(SourceFile file, String src) {
        this.file = file;
        this.src = src;
    }

    Location location() {
        return locationAt(start);
    }

    Location locationAt(int pos) {
        if (columnPos < lineStart || columnPos > pos) {
            columnPos = lineStart;
            column = 1;
        }
        for (; columnPos < pos; columnPos++) {
            column = src.charAt(columnPos) == '\t' ? ((column - 1) / 8 + 1) * 8 + 1 : column + 1;
        }
        return new Location(file, line, column);
    }

    /**
     * Reads the next token.
     *
     * @param comments whether plain comment lines are tokens; a line starting with {@code ##} always is
     */
    void next(boolean comments) {
        value = null;
        while (true) {
            start = cursor;
            if (cursor >= src.length()) {
                kind = Kind.EOF;
                return;
            }
            char ch = src.charAt(cursor++);
            switch (ch) {
                case '{' -> { kind = Kind.LBRACE; return; }
                case '}' -> { kind = Kind.RBRACE; return; }
                case '[' -> { kind = Kind.LBRACKET; return; }
                case ']' -> { kind = Kind.RBRACKET; return; }
                case ':' -> { kind = Kind.COLON; return; }
                case ',' -> { kind = Kind.COMMA; return; }
                case '\'' -> { readString(); return; }
                case '#' -> {
                    int end = src.indexOf('\n', cursor);
                    if (end < 0) {
                        end = src.length();
                    }
                    boolean docStart = cursor < src.length() && src.charAt(cursor) == '#';
                    cursor = end;
                    if (comments || docStart) {
                        kind = Kind.COMMENT;
                        value = src.substring(start, end);
                        return;
                    }
                }
                case '\n' -> {
                    if (cursor == src.length()) {
                        // the end of the file is the end of its last line, as QEMU reports it
                        kind = Kind.EOF;
                        return;
                    }
                    line++;
                    lineStart = cursor;
                }
                case ' ', '\t', '\r', '\f' -> { }
                default -> {
                    if (src.startsWith("true", start)) {
                        cursor = start + 4;
                        kind = Kind.TRUE;
                        return;
                    }
                    if (src.startsWith("false", start)) {
                        cursor = start + 5;
                        kind = Kind.FALSE;
                        return;
                    }
                    if (isSpace(ch)) {
                        continue;
                    }
                    int end = start;
                    while (end < src.length() && "[]{}:,'\" \t\r\n".indexOf(src.charAt(end)) < 0) {
                        end++;
                    }
                    throw new SchemaError(location(), "stray '" + printable(src.substring(start, Math.max(end, start + 1)))
                            + "'");
                }
            }
        }
    }

    /** Strings hold printable ASCII only; the one escape is {@code \\}. */
    private void readString() {
        StringBuilder text = null;
        int from = cursor;
        while (true) {
            if (cursor >= src.length() || src.charAt(cursor) == '\n') {
                throw new SchemaError(location(), "missing terminating \"'\"");
            }
            char ch = src.charAt(cursor++);
            if (ch == '\'') {
                kind = Kind.STRING;
                value = text == null ? src.substring(from, cursor - 1) : text.append(src, from, cursor - 1).toString();
                return;
            }
            if (ch == '\\') {
                char escaped = cursor < src.length() ? src.charAt(cursor) : '\n';
                if (escaped == '\n') {
                    throw new SchemaError(location(), "missing terminating \"'\"");
                }
                if (escaped != '\\') {
                    throw new SchemaError(locationAt(cursor - 1), "unknown escape \\" + printable(escaped));
                }
                text = (text == null ? new StringBuilder() : text).append(src, from, cursor - 1).append('\\');
                from = ++cursor;
            } else if (ch < 32 || ch >= 127) {
                throw new SchemaError(locationAt(cursor - 1), "funny character in string");
            }
        }
    }

    /** Whitespace as QEMU's Python lexer sees it ({@code str.isspace()}). */
    private static boolean isSpace(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '\u0085';
    }

    private static String printable(char ch) {
        return ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format("u%04x", (int) ch);
    }

    /** Text for a message: printable ASCII as it is, anything else (line breaks too) as {@code \\uXXXX}. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            out.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : "\\" + printable(ch));
        }
        return out.toString();
    }

    /**
     * After a syntax error: skips to the next line that starts with '{' or '#' in its first column, where
     * the next definition or comment most likely begins.
     */
    void recover() {
        boolean startsLine = start == lineStart && start < src.length()
                && (src.charAt(start) == '{' || src.charAt(start) == '#');
        if (startsLine && start != lastResume) {
            // the failing token itself starts the next definition or comment (say, after a missing '}')
            cursor = start;
            lastResume = start;
            return;
        }
        int pos = Math.max(cursor, start + 1);
        while (true) {
            int newline = src.indexOf('\n', Math.min(pos, src.length()));
            if (newline < 0) {
                cursor = src.length();
                return;
            }
            skipLinesTo(newline + 1);
            pos = newline + 1;
            if (pos < src.length() && (src.charAt(pos) == '{' || src.charAt(pos) == '#')) {
                cursor = pos;
                lastResume = pos;
                return;
            }
        }
    }

    /** Advances the line count over everything between where lines were last counted and pos. */
    private void skipLinesTo(int pos) {
        for (int i = lineStart; i < pos; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
    }
}
