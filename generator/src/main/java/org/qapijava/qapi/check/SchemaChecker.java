package org.qapijava.qapi.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.doc.DocSection;
import org.qapijava.qapi.model.AlternateDef;
import org.qapijava.qapi.model.ArrayType;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.BuiltinType;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Pragmas;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.Type;
import org.qapijava.qapi.model.TypeRef;
import org.qapijava.qapi.model.UnionDef;
import org.qapijava.qapi.source.Location;

/**
 * Checks definitions against each other: every reference resolves, bases are structs, discriminators and
 * branches agree, alternates can be told apart on the wire, arguments and returns have the right kinds,
 * members do not collide, no object contains itself, and documentation describes what exists.
 *
 * <p>Each definition's first problem is reported and the others go on being checked. A reference to a
 * definition that was itself rejected is not reported again.
 */
final class SchemaChecker {
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    /** Legacy simple unions' implicit branch enums, by name. */
    private final Map<String, EnumDef> implicitEnums = new HashMap<>();
    private final Map<String, UnionDef> implicitEnumOwners = new HashMap<>();
    private final Set<String> rejected;
    private final Pragmas pragmas;
    private final Diagnostics diagnostics;
    private final Map<String, Boolean> containsItself = new HashMap<>();

    /** Thrown to stop checking a definition that uses a rejected one; nothing is reported. */
    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip() {
            super(null, null, false, false);
        }
    }

    private SchemaChecker(Set<String> rejected, Pragmas pragmas, Diagnostics diagnostics) {
        this.rejected = rejected;
        this.pragmas = pragmas;
        this.diagnostics = diagnostics;
    }

    /**
     * @param candidates the definitions that passed the expression checks, in order
     * @param rejected   names of definitions that did not; references to them are not errors
     * @return the definitions that passed every check
     */
    static List<Definition> check(List<Definition> candidates, Set<String> rejected, Pragmas pragmas,
            Diagnostics diagnostics) {
        SchemaChecker checker = new SchemaChecker(new HashSet<>(rejected), pragmas, diagnostics);
        checker.define(candidates);
        List<Definition> valid = new ArrayList<>();
        for (Definition definition : List.copyOf(checker.definitions.values())) {
            try {
                checker.check(definition);
                checker.checkDoc(definition);
                valid.add(definition);
            } catch (SchemaError e) {
                diagnostics.report(e);
            } catch (Skip e) {
                // it uses a definition that was already reported
            }
        }
        return valid;
    }

    private void define(List<Definition> candidates) {
        for (Definition definition : candidates) {
            String name = definition.name();
            Location previous = null;
            String problem = null;
            if (BuiltinType.byName(name) != null) {
                problem = "'" + name + "' is already defined as a built-in type";
            } else if (definitions.containsKey(name)) {
                previous = definitions.get(name).location();
                problem = "'" + name + "' is already defined (previous definition at " + previous + ")";
            } else if (implicitEnums.containsKey(name)) {
                problem = "'" + name + "' is already defined implicitly, as the branch enum of union '"
                        + implicitEnumOwners.get(name).name() + "'";
            } else if (definition instanceof UnionDef union && union.isSimple()) {
                String implicit = union.implicitEnumName();
                if (definitions.containsKey(implicit) || BuiltinType.byName(implicit) != null) {
                    problem = "union '" + name + "' needs the name '" + implicit + "' for its branch enum, but '"
                            + implicit + "' is already defined";
                } else {
                    implicitEnums.put(implicit, union.implicitEnum());
                    implicitEnumOwners.put(implicit, union);
                }
            }
            if (problem != null) {
                diagnostics.report(definition.location(), problem);
                if (!definitions.containsKey(name) && BuiltinType.byName(name) == null) {
                    rejected.add(name);
                }
            } else {
                definitions.put(name, definition);
            }
        }
    }

    private void check(Definition definition) {
        if (definition instanceof EnumDef enumDef) {
            checkEnum(enumDef);
        } else if (definition instanceof StructDef struct) {
            checkStruct(struct);
        } else if (definition instanceof UnionDef union) {
            checkUnion(union);
        } else if (definition instanceof AlternateDef alternate) {
            checkAlternate(alternate);
        } else if (definition instanceof CommandDef command) {
            checkCommand(command);
        } else if (definition instanceof EventDef event) {
            checkData(event.data(), event.boxed(), "event '" + event.name() + "'");
        }
        if (definition instanceof Type) {
            for (Feature feature : definition.features()) {
                if (feature.isSpecial()) {
                    throw new SchemaError(feature.location(), "feature '" + feature.name() + "' of "
                            + definition.meta() + " '" + definition.name() + "' is not supported for types");
                }
            }
        }
    }

    private void checkEnum(EnumDef enumDef) {
        Map<String, EnumValue> seen = new HashMap<>();
        for (EnumValue value : enumDef.values()) {
            String key = NameRules.cName(value.name()).toUpperCase(java.util.Locale.ROOT);
            EnumValue other = seen.putIfAbsent(key, value);
            if (other != null) {
                throw new SchemaError(value.location(), "value '" + value.name() + "' of enum '" + enumDef.name()
                        + "' collides with value '" + other.name() + "'");
            }
        }
    }

    private void checkStruct(StructDef struct) {
        String what = "struct '" + struct.name() + "'";
        Map<String, Described> seen = new LinkedHashMap<>();
        if (struct.base() != null) {
            StructDef base = baseStruct(struct.base(), struct.location(), what);
            checkContainsItself(struct);
            addMembers(seen, baseMembers(base), null);
        }
        for (Member member : struct.members()) {
            resolve(member.type(), member.location(), "member '" + member.name() + "' of " + what);
        }
        addMembers(seen, described(struct.members(), struct.name()), null);
    }

    private void checkUnion(UnionDef union) {
        String what = "union '" + union.name() + "'";
        if (union.isSimple()) {
            Map<String, Branch> seen = new HashMap<>();
            for (Branch branch : union.branches()) {
                resolve(branch.type(), branch.location(), "branch '" + branch.name() + "' of " + what);
                Branch other = seen.putIfAbsent(NameRules.cName(branch.name()), branch);
                if (other != null) {
                    throw new SchemaError(branch.location(), "branch '" + branch.name() + "' of " + what
                            + " collides with branch '" + other.name() + "'");
                }
            }
            if (union.branches().isEmpty()) {
                throw new SchemaError(union.location(), what + " has no branches");
            }
            return;
        }
        Map<String, Described> seen = new LinkedHashMap<>();
        List<Described> baseMembers;
        String baseWhat;
        if (union.base() instanceof Data.TypeName named) {
            StructDef base = baseStruct(named.name(), named.location(), what);
            baseMembers = baseMembers(base);
            baseWhat = "base type '" + base.name() + "'";
        } else {
            List<Member> inline = ((Data.Inline) union.base()).members();
            for (Member member : inline) {
                resolve(member.type(), member.location(), "member '" + member.name() + "' of the base of " + what);
            }
            baseMembers = described(inline, null);
            baseWhat = "the base of " + what;
        }
        addMembers(seen, baseMembers, null);
        Member tag = null;
        for (Described member : baseMembers) {
            if (member.member.name().equals(union.discriminator())) {
                tag = member.member;
            }
        }
        if (tag == null) {
            throw new SchemaError(union.location(), "discriminator '" + union.discriminator() + "' of " + what
                    + " is not a member of " + baseWhat);
        }
        String tagWhat = "discriminator member '" + tag.name() + "' of " + baseWhat;
        Type tagType;
        try {
            tagType = resolve(tag.type(), tag.location(), tagWhat);
        } catch (SchemaError e) {
            if (union.base() instanceof Data.TypeName) {
                throw new Skip(); // the base struct reports its own member
            }
            throw e;
        }
        List<String> values;
        if (tagType instanceof EnumDef enumDef) {
            values = enumDef.values().stream().map(EnumValue::name).toList();
        } else if (tagType == BuiltinType.QTYPE) {
            values = BuiltinType.QTYPE_VALUES;
        } else {
            throw new SchemaError(union.location(), tagWhat + " must be of enum type");
        }
        if (tag.optional()) {
            throw new SchemaError(union.location(), tagWhat + " must not be optional");
        }
        if (tag.ifCond().isPresent()) {
            throw new SchemaError(union.location(), tagWhat + " must not be conditional");
        }
        for (Branch branch : union.branches()) {
            String branchWhat = "branch '" + branch.name() + "' of " + what;
            if (!values.contains(branch.name())) {
                throw new SchemaError(branch.location(), branchWhat + " is not a value of " + describe(tagType));
            }
            Type type = resolve(branch.type(), branch.location(), branchWhat);
            List<Described> members;
            if (type instanceof StructDef struct) {
                members = baseMembers(struct);
            } else if (type instanceof UnionDef nested && !nested.isSimple()) {
                checkContainsItself(union);
                members = unionBaseMembers(nested);
            } else {
                throw new SchemaError(branch.location(), branchWhat + " cannot use " + describe(type));
            }
            addMembers(new LinkedHashMap<>(seen), members, branchWhat);
        }
        if (union.branches().isEmpty() && values.isEmpty()) {
            throw new SchemaError(union.location(), what + " has no branches");
        }
    }

    private void checkAlternate(AlternateDef alternate) {
        String what = "alternate '" + alternate.name() + "'";
        Map<String, Branch> names = new HashMap<>();
        Map<String, Branch> wireKinds = new HashMap<>();
        for (Branch branch : alternate.branches()) {
            String branchWhat = "branch '" + branch.name() + "' of " + what;
            Branch sameName = names.putIfAbsent(NameRules.cName(branch.name()), branch);
            if (sameName != null) {
                throw new SchemaError(branch.location(), branchWhat + " collides with branch '" + sameName.name() + "'");
            }
            Type type = resolve(branch.type(), branch.location(), branchWhat);
            String kind = wireKind(type.jsonType());
            if (kind == null) {
                throw new SchemaError(branch.location(), branchWhat + " cannot use " + describe(type));
            }
            Set<String> conflicting = new HashSet<>(Set.of(kind));
            if (kind.equals("string")) {
                if (type instanceof EnumDef enumDef) {
                    for (EnumValue value : enumDef.values()) {
                        if (value.name().equals("on") || value.name().equals("off")) {
                            conflicting.add("boolean");
                        }
                        if (value.name().matches("[-+0-9.].*")) {
                            conflicting.add("number");
                        }
                    }
                } else if (type != BuiltinType.QTYPE) {
                    // a plain string branch also takes the keyval form of numbers and booleans
                    conflicting.add("number");
                    conflicting.add("boolean");
                }
            }
            for (String wireKind : conflicting) {
                Branch other = wireKinds.putIfAbsent(wireKind, branch);
                if (other != null && other != branch) {
                    throw new SchemaError(branch.location(), branchWhat + " can't be distinguished from branch '"
                            + other.name() + "'");
                }
            }
        }
    }

    /** The JSON value kind an alternate tells branches apart by, or null for types it cannot use. */
    private static String wireKind(String jsonType) {
        return switch (jsonType) {
            case "null", "string", "boolean", "array", "object" -> jsonType;
            case "number", "int" -> "number";
            default -> null;
        };
    }

    private void checkCommand(CommandDef command) {
        String what = "command '" + command.name() + "'";
        checkData(command.data(), command.boxed(), what);
        if (command.returns() != null) {
            Type returns = resolve(command.returns(), command.location(), "'returns' of " + what);
            if (!pragmas.commandReturnsExceptions().contains(command.name())) {
                Type element = returns instanceof ArrayType array ? resolve(array.element(), command.location(),
                        "'returns' of " + what) : returns;
                if (!(element instanceof StructDef || element instanceof UnionDef)) {
                    throw new SchemaError(command.location(), "'returns' of " + what + " cannot take "
                            + describe(returns));
                }
            }
        }
    }

    private void checkData(Data data, boolean boxed, String what) {
        if (data instanceof Data.Inline inline) {
            Map<String, Described> seen = new LinkedHashMap<>();
            for (Member member : inline.members()) {
                resolve(member.type(), member.location(), "parameter '" + member.name() + "' of " + what);
            }
            addMembers(seen, described(inline.members(), null), null);
        } else if (data instanceof Data.TypeName named) {
            Type type = resolve(new TypeRef.Named(named.name()), named.location(), "'data' of " + what);
            if (type instanceof UnionDef && !boxed) {
                throw new SchemaError(named.location(), "'data' of " + what + " can take " + describe(type)
                        + " only with 'boxed': true");
            }
            if (!(type instanceof StructDef || type instanceof UnionDef)) {
                throw new SchemaError(named.location(), "'data' of " + what + " cannot take " + describe(type));
            }
        }
    }

    private StructDef baseStruct(String name, Location at, String what) {
        Type base = resolve(new TypeRef.Named(name), at, "'base' of " + what);
        if (!(base instanceof StructDef struct)) {
            throw new SchemaError(at, "'base' of " + what + " requires a struct type, " + describe(base) + " isn't");
        }
        return struct;
    }

    /** A member and the type it was declared in (null for the definition being checked). */
    private record Described(Member member, String definedIn) {
        String describe() {
            return "member '" + member.name() + "'" + (definedIn == null ? "" : " of type '" + definedIn + "'");
        }
    }

    private static List<Described> described(List<Member> members, String definedIn) {
        return members.stream().map(m -> new Described(m, definedIn)).toList();
    }

    /** A struct's members with its base chain's, in wire order; the chain must not loop. */
    private List<Described> baseMembers(StructDef struct) {
        List<Described> members = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (StructDef at = struct; at != null; ) {
            if (!visited.add(at.name())) {
                throw new SchemaError(at.location(), "object '" + at.name() + "' contains itself");
            }
            members.addAll(0, described(at.members(), at.name()));
            if (at.base() == null) {
                break;
            }
            Definition next = lookup(at.base());
            at = next instanceof StructDef base ? base : null;
        }
        return members;
    }

    private List<Described> unionBaseMembers(UnionDef union) {
        if (union.base() instanceof Data.TypeName named && lookup(named.name()) instanceof StructDef struct) {
            return baseMembers(struct);
        }
        return union.base() instanceof Data.Inline inline ? described(inline.members(), union.name()) : List.of();
    }

    private void addMembers(Map<String, Described> seen, List<Described> members, String branch) {
        for (Described member : members) {
            Described other = seen.putIfAbsent(NameRules.cName(member.member.name()), member);
            if (other != null) {
                String where = branch == null ? "" : " (in " + branch + ")";
                throw new SchemaError(member.member.location(), member.describe() + where + " collides with "
                        + other.describe());
            }
        }
    }

    /** Follows base and branch types from a definition; reaching it again means it contains itself. */
    private void checkContainsItself(Definition start) {
        Boolean known = containsItself.get(start.name());
        if (known == null) {
            known = reaches(start, start.name(), new HashSet<>());
            containsItself.put(start.name(), known);
        }
        if (known) {
            throw new SchemaError(start.location(), "object '" + start.name() + "' contains itself");
        }
    }

    private boolean reaches(Definition from, String target, Set<String> visited) {
        List<String> embedded = new ArrayList<>();
        if (from instanceof StructDef struct && struct.base() != null) {
            embedded.add(struct.base());
        } else if (from instanceof UnionDef union && !union.isSimple()) {
            if (union.base() instanceof Data.TypeName named) {
                embedded.add(named.name());
            }
            union.branches().forEach(b -> embedded.add(b.type().name()));
        }
        for (String name : embedded) {
            if (name.equals(target)) {
                return true;
            }
            Definition next = lookup(name);
            if (next != null && visited.add(name) && reaches(next, target, visited)) {
                return true;
            }
        }
        return false;
    }

    private Definition lookup(String name) {
        return definitions.get(name);
    }

    private Type resolve(TypeRef ref, Location at, String what) {
        String name = ref.name();
        if (rejected.contains(name)) {
            throw new Skip();
        }
        Type type = BuiltinType.byName(name);
        if (type == null) {
            Definition definition = definitions.get(name);
            if (definition instanceof Type defined) {
                type = defined;
            } else if (implicitEnums.containsKey(name)) {
                type = implicitEnums.get(name);
            } else if (definition != null) {
                throw new SchemaError(at, what + " uses " + definition.meta() + " '" + name
                        + "', which is not a type");
            } else {
                throw new SchemaError(at, what + " uses unknown type '" + name + "'");
            }
        }
        return ref instanceof TypeRef.Array ? new ArrayType(new TypeRef.Named(name)) : type;
    }

    private static String describe(Type type) {
        String kind = type instanceof BuiltinType ? "built-in" : type instanceof ArrayType ? "array"
                : ((Definition) type).meta();
        return kind + " type '" + type.name() + "'";
    }

    /** Every member and feature a documentation comment describes must exist. */
    private void checkDoc(Definition definition) {
        Doc doc = definition.doc();
        if (doc == null) {
            return;
        }
        Set<String> members = new HashSet<>();
        Set<String> features = new HashSet<>();
        definition.features().forEach(f -> features.add(f.name()));
        if (definition instanceof EnumDef e) {
            for (EnumValue value : e.values()) {
                members.add(value.name());
                value.features().forEach(f -> features.add(f.name()));
            }
        } else if (definition instanceof StructDef s) {
            addDocumentable(s.members(), members, features);
        } else if (definition instanceof UnionDef u) {
            addDocumentable(u.base(), members, features);
            if (u.isSimple()) {
                u.branches().forEach(b -> members.add(b.name()));
            }
        } else if (definition instanceof AlternateDef a) {
            a.branches().forEach(b -> members.add(b.name()));
        } else if (definition instanceof CommandDef c) {
            addDocumentable(c.data(), members, features);
        } else if (definition instanceof EventDef e) {
            addDocumentable(e.data(), members, features);
        }
        checkDescribed(doc.members(), members, "member");
        checkDescribed(doc.features(), features, "feature");
    }

    private static void addDocumentable(Data data, Set<String> members, Set<String> features) {
        if (data instanceof Data.Inline inline) {
            addDocumentable(inline.members(), members, features);
        }
    }

    private static void addDocumentable(List<Member> list, Set<String> members, Set<String> features) {
        for (Member member : list) {
            members.add(member.name());
            member.features().forEach(f -> features.add(f.name()));
        }
    }

    private static void checkDescribed(List<DocSection> sections, Set<String> existing, String what) {
        for (DocSection section : sections) {
            if (!existing.contains(section.name())) {
                throw new SchemaError(section.location(), "documented " + what + " '" + section.name()
                        + "' does not exist");
            }
        }
    }
}
