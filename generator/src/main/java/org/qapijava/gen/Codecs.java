package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Map;
import java.util.Set;
import org.qapijava.qapi.model.BuiltinType;
import org.qapijava.qapi.model.TypeRef;

/**
 * The code that reads and writes a value of a schema type through the runtime's {@code WireReader} (named
 * {@code in}) and {@code WireWriter} (named {@code out}). No reflection: every type's codec is written out.
 */
final class Codecs {
    static final ClassName READER = ClassName.get("org.qapijava.runtime.wire", "WireReader");
    static final ClassName WRITER = ClassName.get("org.qapijava.runtime.wire", "WireWriter");

    /** Builtins: how to read one (a WireReader method call) and write one (a WireWriter method). */
    private static final Map<String, String> READ = Map.ofEntries(
            Map.entry("str", "readString()"), Map.entry("number", "readNumber()"), Map.entry("int", "readInt64()"),
            Map.entry("int64", "readInt64()"), Map.entry("uint32", "readUint32()"), Map.entry("uint64", "readUint64()"),
            Map.entry("size", "readUint64()"), Map.entry("bool", "readBool()"), Map.entry("null", "readNull()"),
            Map.entry("any", "readAny()"),
            Map.entry("int8", "readInt(-128, 127, \"int8\")"), Map.entry("int16", "readInt(-32768, 32767, \"int16\")"),
            Map.entry("int32", "readInt(Integer.MIN_VALUE, Integer.MAX_VALUE, \"int32\")"),
            Map.entry("uint8", "readInt(0, 255, \"uint8\")"), Map.entry("uint16", "readInt(0, 65535, \"uint16\")"));
    private static final Map<String, String> WRITE = Map.ofEntries(
            Map.entry("str", "writeString"), Map.entry("number", "writeNumber"), Map.entry("int", "writeInt"),
            Map.entry("int64", "writeInt"), Map.entry("uint32", "writeInt"), Map.entry("uint64", "writeUint64"),
            Map.entry("size", "writeUint64"), Map.entry("bool", "writeBool"), Map.entry("any", "writeAny"),
            Map.entry("int8", "writeInt"), Map.entry("int16", "writeInt"), Map.entry("int32", "writeInt"),
            Map.entry("uint8", "writeInt"), Map.entry("uint16", "writeInt"));

    /** The builtins that are a Java {@code int}. */
    private static final Set<String> INT = Set.of("int8", "int16", "int32", "uint8", "uint16");

    private final Naming naming;

    Codecs(Naming naming) {
        this.naming = naming;
    }

    /** An expression that reads a value of the type from {@code in}. */
    CodeBlock read(TypeRef ref) {
        if (ref instanceof TypeRef.Array) {
            return CodeBlock.of("in.readList($L)", decoder(ref.name()));
        }
        return readNamed(ref.name(), "in");
    }

    private CodeBlock readNamed(String name, String reader) {
        if (READ.containsKey(name)) {
            return CodeBlock.of("$L.$L", reader, READ.get(name));
        }
        return CodeBlock.of("$T.decode($L)", classOf(name), reader);
    }

    /** A {@code Decoder} of the type: a method reference or a lambda. */
    CodeBlock decoder(String name) {
        if (READ.containsKey(name)) {
            String call = READ.get(name);
            return call.endsWith("()") ? CodeBlock.of("$T::$L", READER, call.substring(0, call.length() - 2))
                    : CodeBlock.of("r -> r.$L", call);
        }
        return CodeBlock.of("$T::decode", classOf(name));
    }

    /** A {@code Decoder} of the whole (possibly array) type. */
    CodeBlock decoder(TypeRef ref) {
        if (ref instanceof TypeRef.Array) {
            return CodeBlock.of("r -> r.readList($L)", decoder(ref.name()));
        }
        return decoder(ref.name());
    }

    /** A statement that writes value (an expression of the type's Java type) to {@code out}. */
    CodeBlock write(TypeRef ref, CodeBlock value) {
        if (ref instanceof TypeRef.Array) {
            return CodeBlock.of("out.writeList($L, $L)", value, encoder(ref.name()));
        }
        String name = ref.name();
        if (name.equals(BuiltinType.NULL.name())) {
            return CodeBlock.of("out.writeNull()");
        }
        if (WRITE.containsKey(name)) {
            return CodeBlock.of("out.$L($L)", WRITE.get(name), value);
        }
        return CodeBlock.of("$T.encode(out, $L)", classOf(name), value);
    }

    /** An {@code Encoder} of the whole (possibly array) type. */
    CodeBlock encoder(TypeRef ref) {
        if (ref instanceof TypeRef.Array) {
            return CodeBlock.of("(writer, items) -> writer.writeList(items, $L)", encoder(ref.name()));
        }
        return encoder(ref.name());
    }

    /** An {@code Encoder} of the type. */
    CodeBlock encoder(String name) {
        if (name.equals(BuiltinType.NULL.name())) {
            return CodeBlock.of("(w, x) -> w.writeNull()");
        }
        if (INT.contains(name)) {
            return CodeBlock.of("(w, x) -> w.writeInt(x)"); // an Integer: a method reference would not widen it
        }
        if (WRITE.containsKey(name)) {
            return CodeBlock.of("$T::$L", WRITER, WRITE.get(name));
        }
        return CodeBlock.of("$T::encode", classOf(name));
    }

    private ClassName classOf(String name) {
        if (name.equals(BuiltinType.QTYPE.name())) {
            return JavaTypes.QTYPE;
        }
        return naming.type(name);
    }
}
