package org.qapijava.qapi.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.SourceFile;

/**
 * A checked schema: its definitions in definition order across includes, with every type reference known to
 * resolve. Immutable. Types refer to each other by name, so recursive types ({@code ImageInfo}'s
 * {@code backing-image}) need no cycles in the object graph: {@link #resolve} looks the name up.
 */
public final class Schema {
    private final List<Definition> definitions;
    private final Map<String, Definition> byName;
    private final Map<String, EnumDef> implicitEnums = new HashMap<>();
    private final List<Doc> freeDocs;
    private final Pragmas pragmas;
    private final List<SourceFile> files;

    public Schema(List<Definition> definitions, List<Doc> freeDocs, Pragmas pragmas, List<SourceFile> files) {
        this.definitions = List.copyOf(definitions);
        Map<String, Definition> index = new LinkedHashMap<>();
        for (Definition definition : this.definitions) {
            index.put(definition.name(), definition);
        }
        this.byName = index;
        for (UnionDef union : definitions(UnionDef.class)) {
            if (union.isSimple()) {
                implicitEnums.put(union.implicitEnumName(), union.implicitEnum());
            }
        }
        this.freeDocs = List.copyOf(freeDocs);
        this.pragmas = pragmas;
        this.files = List.copyOf(files);
    }

    public List<Definition> definitions() {
        return definitions;
    }

    /** The definitions of one kind, in definition order. */
    public <T extends Definition> List<T> definitions(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Definition definition : definitions) {
            if (kind.isInstance(definition)) {
                found.add(kind.cast(definition));
            }
        }
        return found;
    }

    public Optional<Definition> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Documentation comments that document no definition (section headings and free text). */
    public List<Doc> freeDocs() {
        return freeDocs;
    }

    public Pragmas pragmas() {
        return pragmas;
    }

    /** Every file read, the entry file first. */
    public List<SourceFile> files() {
        return files;
    }

    /** The type a reference names; for a legacy simple union's implicit enum, an {@link EnumDef} made for it. */
    public Type resolve(TypeRef ref) {
        Type named = resolveName(ref.name());
        return ref instanceof TypeRef.Array ? new ArrayType(new TypeRef.Named(ref.name())) : named;
    }

    private Type resolveName(String name) {
        BuiltinType builtin = BuiltinType.byName(name);
        if (builtin != null) {
            return builtin;
        }
        Definition definition = byName.get(name);
        if (definition instanceof Type type) {
            return type;
        }
        if (implicitEnums.containsKey(name)) {
            return implicitEnums.get(name);
        }
        throw new IllegalArgumentException("no type '" + name + "' in this schema");
    }

    /** A struct's members in wire order: its base chain's first, then its own. */
    public List<Member> allMembers(StructDef struct) {
        List<Member> members = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        collect(struct, members, visited);
        return members;
    }

    private void collect(StructDef struct, List<Member> into, Set<String> visited) {
        if (!visited.add(struct.name())) {
            return;
        }
        if (struct.base() != null && byName.get(struct.base()) instanceof StructDef base) {
            collect(base, into, visited);
        }
        into.addAll(struct.members());
    }

    /** The members of a command's or event's data, or of a union's base: inline, or the named type's. */
    public List<Member> members(Data data) {
        if (data == null) {
            return List.of();
        }
        if (data instanceof Data.Inline inline) {
            return inline.members();
        }
        Definition named = byName.get(((Data.TypeName) data).name());
        if (named instanceof StructDef struct) {
            return allMembers(struct);
        }
        if (named instanceof UnionDef union) {
            return members(union.base());
        }
        return List.of();
    }

    /** The enum whose values name a union's branches: its discriminator's type, or a simple union's implicit enum. */
    public EnumDef branchEnum(UnionDef union) {
        if (union.isSimple()) {
            return implicitEnums.get(union.implicitEnumName());
        }
        for (Member member : members(union.base())) {
            if (member.name().equals(union.discriminator())) {
                Type type = resolve(member.type());
                if (type instanceof EnumDef enumDef) {
                    return enumDef;
                }
                List<EnumValue> values = BuiltinType.QTYPE_VALUES.stream()
                        .map(v -> new EnumValue(v, IfCond.ALWAYS, List.of(), null)).toList();
                return new EnumDef(BuiltinType.QTYPE.name(), values, "QTYPE", IfCond.ALWAYS, List.of(), null, null);
            }
        }
        throw new IllegalStateException("union '" + union.name() + "' has no discriminator member");
    }

    /**
     * Every branch of a union: the declared ones, then an empty branch (with a null type) for each value of
     * {@link #branchEnum} that has none, in the enum's order.
     */
    public List<Branch> allBranches(UnionDef union) {
        List<Branch> branches = new ArrayList<>(union.branches());
        Set<String> declared = new HashSet<>();
        union.branches().forEach(b -> declared.add(b.name()));
        for (EnumValue value : branchEnum(union).values()) {
            if (!declared.contains(value.name())) {
                branches.add(new Branch(value.name(), null, value.ifCond(), union.location()));
            }
        }
        return branches;
    }

}
