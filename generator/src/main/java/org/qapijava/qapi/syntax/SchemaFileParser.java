package org.qapijava.qapi.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.doc.DocParser;
import org.qapijava.qapi.source.Location;
import org.qapijava.qapi.source.SourceFile;
import org.qapijava.qapi.syntax.Lexer.Kind;

/**
 * Parses one schema file into its top-level items. A syntax error is reported and parsing resumes at the
 * next line that starts a definition or comment, so that independent errors are all found in one run.
 */
public final class SchemaFileParser {
    private final Lexer lexer;
    private final Diagnostics diagnostics;
    private final List<SourceItem> items = new ArrayList<>();
    private Doc pendingDoc;

    private SchemaFileParser(SourceFile file, String text, Diagnostics diagnostics) {
        this.lexer = new Lexer(file, text);
        this.diagnostics = diagnostics;
    }

    public static List<SourceItem> parse(SourceFile file, String text, Diagnostics diagnostics) {
        SchemaFileParser parser = new SchemaFileParser(file, text, diagnostics);
        parser.parseFile();
        return parser.items;
    }

    private void parseFile() {
        advance();
        while (lexer.kind != Kind.EOF) {
            try {
                if (lexer.kind == Kind.COMMENT) {
                    rejectPendingDoc();
                    pendingDoc = readDoc();
                } else {
                    topLevel();
                }
            } catch (SchemaError e) {
                diagnostics.report(e);
                pendingDoc = null;
                lexer.recover();
                advanceRecovering();
            }
        }
        try {
            rejectPendingDoc();
        } catch (SchemaError e) {
            diagnostics.report(e);
        }
    }

    private void topLevel() {
        Location at = lexer.location();
        Node value = value();
        if (!(value instanceof Node.Obj expr)) {
            throw new SchemaError(at, "top-level expression must be an object");
        }
        if (expr.has("include")) {
            rejectPendingDoc();
            if (expr.fields().size() != 1) {
                throw new SchemaError(at, "invalid 'include' directive");
            }
            if (!(expr.get("include") instanceof Node.Str name)) {
                throw new SchemaError(expr.get("include").location(), "value of 'include' must be a string");
            }
            items.add(new SourceItem.Include(name.value(), at));
        } else if (expr.has("pragma")) {
            rejectPendingDoc();
            if (expr.fields().size() != 1) {
                throw new SchemaError(at, "invalid 'pragma' directive");
            }
            if (!(expr.get("pragma") instanceof Node.Obj pragmas)) {
                throw new SchemaError(expr.get("pragma").location(), "value of 'pragma' must be an object");
            }
            items.add(new SourceItem.Pragma(pragmas, at));
        } else {
            items.add(new SourceItem.Expression(expr, pendingDoc));
            pendingDoc = null;
        }
    }

    private void rejectPendingDoc() {
        Doc doc = pendingDoc;
        pendingDoc = null;
        if (doc == null) {
            return;
        }
        if (doc.symbol() != null) {
            throw new SchemaError(doc.location(),
                    "documentation for '" + doc.symbol() + "' is not followed by the definition");
        }
        items.add(new SourceItem.FreeDoc(doc));
    }

    /** A documentation comment: a line {@code ##}, lines starting with {@code #}, a line {@code ##}. */
    private Doc readDoc() {
        Location at = lexer.location();
        if (!lexer.value.equals("##")) {
            throw new SchemaError(at, "junk after '##' at start of documentation comment");
        }
        List<String> lines = new ArrayList<>();
        List<Location> places = new ArrayList<>();
        lexer.next(true);
        while (lexer.kind == Kind.COMMENT) {
            String line = lexer.value;
            if (line.startsWith("##")) {
                if (!line.equals("##")) {
                    throw new SchemaError(lexer.location(), "junk after '##' at end of documentation comment");
                }
                Doc doc = DocParser.parse(lines, places, at);
                advance();
                return doc;
            }
            lines.add(line);
            places.add(lexer.location());
            lexer.next(true);
        }
        throw new SchemaError(lexer.location(), "documentation comment must end with '##'");
    }

    private Node value() {
        Location at = lexer.location();
        switch (lexer.kind) {
            case LBRACE -> {
                advance();
                return object(at);
            }
            case LBRACKET -> {
                advance();
                return array(at);
            }
            case STRING -> {
                Node.Str str = new Node.Str(lexer.value, at);
                advance();
                return str;
            }
            case TRUE, FALSE -> {
                Node.Bool bool = new Node.Bool(lexer.kind == Kind.TRUE, at);
                advance();
                return bool;
            }
            default -> throw expected("'{', '[', string, or boolean");
        }
    }

    private Node.Obj object(Location at) {
        Map<String, Node.Obj.Field> fields = new LinkedHashMap<>();
        if (lexer.kind == Kind.RBRACE) {
            advance();
            return new Node.Obj(fields, at);
        }
        if (lexer.kind != Kind.STRING) {
            throw expected("string or '}'");
        }
        while (true) {
            Node.Str key = new Node.Str(lexer.value, lexer.location());
            advance();
            if (lexer.kind != Kind.COLON) {
                throw expected("':'");
            }
            advance();
            if (fields.containsKey(key.value())) {
                throw new SchemaError(key.location(), "duplicate key '" + key.value() + "'");
            }
            fields.put(key.value(), new Node.Obj.Field(key, value()));
            if (lexer.kind == Kind.RBRACE) {
                advance();
                return new Node.Obj(fields, at);
            }
            if (lexer.kind != Kind.COMMA) {
                throw expected("',' or '}'");
            }
            advance();
            if (lexer.kind != Kind.STRING) {
                throw expected("string");
            }
        }
    }

    private Node.Arr array(Location at) {
        List<Node> items = new ArrayList<>();
        if (lexer.kind == Kind.RBRACKET) {
            advance();
            return new Node.Arr(items, at);
        }
        if (lexer.kind == Kind.RBRACE || lexer.kind == Kind.COLON || lexer.kind == Kind.COMMA
                || lexer.kind == Kind.EOF || lexer.kind == Kind.COMMENT) {
            throw expected("'{', '[', ']', string, or boolean");
        }
        while (true) {
            items.add(value());
            if (lexer.kind == Kind.RBRACKET) {
                advance();
                return new Node.Arr(items, at);
            }
            if (lexer.kind != Kind.COMMA) {
                throw expected("',' or ']'");
            }
            advance();
        }
    }

    private SchemaError expected(String what) {
        String found = lexer.kind == Kind.EOF ? ", found end of file" : "";
        return new SchemaError(lexer.location(), "expected " + what + found);
    }

    private void advance() {
        lexer.next(false);
    }

    /** Reads the first token after recovery; errors on the way are reported, and skipped over too. */
    private void advanceRecovering() {
        while (true) {
            try {
                advance();
                return;
            } catch (SchemaError e) {
                diagnostics.report(e);
                lexer.recover();
            }
        }
    }
}
