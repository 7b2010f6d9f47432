package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.UnionDef;

/**
 * Every Java name of one schema's generated code, decided once, in schema order, so that the same schema
 * always yields the same names and no two collide.
 *
 * <p>The fixed package layout: types (records, enums, sealed unions and alternates, the {@code Fields}
 * interfaces of bases) in the base package; events in {@code .event}; commands in {@code .command}.
 */
final class Naming {
    static final String UNKNOWN_FIELDS = "unknownFields";
    static final String UNRECOGNIZED = "UNRECOGNIZED";
    /** Names every record and {@code Fields} interface keeps for itself. */
    static final String[] RECORD_RESERVED = {UNKNOWN_FIELDS, "builder", "toBuilder"};
    private static final Set<String> JAVA_LANG = Set.of("Boolean", "Class", "Deprecated", "Double", "Enum",
            "Integer", "Long", "Object", "Override", "Record", "String", "SuppressWarnings", "Void", "Iterable",
            "Character", "Number", "Math", "System", "Runtime", "Thread", "Exception", "Error");

    final String typesPackage;
    final String eventPackage;
    final String commandPackage;
    final ClassName eventInterface;
    final ClassName unknownEvent;
    final ClassName eventRegistry;
    final ClassName commands;
    final ClassName asyncCommands;
    final ClassName descriptors;

    private final Schema schema;
    private final Map<String, ClassName> types = new HashMap<>();
    private final Map<String, ClassName> fields = new HashMap<>();
    private final Map<String, ClassName> events = new HashMap<>();
    private final Map<String, ClassName> arguments = new HashMap<>();
    private final Map<String, Map<String, String>> constants = new HashMap<>();
    private final Map<String, Map<String, String>> branchNames = new HashMap<>();
    private final Map<String, String> unknownBranch = new HashMap<>();
    private final Map<String, String> methods = new HashMap<>();
    private final Map<String, String> descriptorNames = new HashMap<>();
    private final Map<String, Set<String>> javaLangClashes = new HashMap<>();
    /** Java names a struct's members must avoid: those of the union bases it is a branch of. */
    private final Map<String, Set<String>> branchReserved = new HashMap<>();

    Naming(Schema schema, String basePackage) {
        this.schema = schema;
        this.typesPackage = basePackage;
        this.eventPackage = basePackage + ".event";
        this.commandPackage = basePackage + ".command";
        NameScope typeFiles = NameScope.files();
        NameScope eventFiles = NameScope.files().reserve("Event", "UnknownEvent", "Events");
        NameScope commandFiles = NameScope.files().reserve("QmpCommands", "QmpAsyncCommands", "CommandDescriptors");
        eventInterface = ClassName.get(eventPackage, "Event");
        unknownEvent = ClassName.get(eventPackage, "UnknownEvent");
        eventRegistry = ClassName.get(eventPackage, "Events");
        commands = ClassName.get(commandPackage, "QmpCommands");
        asyncCommands = ClassName.get(commandPackage, "QmpAsyncCommands");
        descriptors = ClassName.get(commandPackage, "CommandDescriptors");

        Set<String> needFields = structsNeedingFields();
        for (Definition definition : schema.definitions()) {
            if (definition instanceof EventDef event) {
                events.put(event.name(), ClassName.get(eventPackage, eventFiles.claim(JavaNames.typeFromWords(event.name()))));
            } else if (definition instanceof CommandDef command) {
                if (command.data() instanceof Data.Inline && !command.boxed()) {
                    arguments.put(command.name(), ClassName.get(commandPackage,
                            commandFiles.claim(JavaNames.typeFromWords(command.name()) + "Arguments")));
                }
            } else {
                types.put(definition.name(), ClassName.get(typesPackage, typeFiles.claim(JavaNames.type(definition.name()))));
                if (definition instanceof UnionDef union && union.isSimple()) {
                    types.put(union.implicitEnumName(),
                            ClassName.get(typesPackage, typeFiles.claim(JavaNames.type(union.implicitEnumName()))));
                }
            }
        }
        for (StructDef struct : schema.definitions(StructDef.class)) {
            if (needFields.contains(struct.name())) {
                fields.put(struct.name(), ClassName.get(typesPackage, typeFiles.claim(types.get(struct.name()).simpleName() + "Fields")));
            }
        }
        reserveUnionBaseNames();
        nameConstants();
        nameBranches();
        nameCommands();
        clashes(typesPackage, types.values(), fields.values());
        clashes(eventPackage, events.values(), List.of(eventInterface, unknownEvent, eventRegistry));
        clashes(commandPackage, arguments.values(), List.of(commands, asyncCommands, descriptors));
    }

    /** Structs that are some struct's or union's base, or some union's branch type. */
    private Set<String> structsNeedingFields() {
        Set<String> need = new HashSet<>();
        for (Definition definition : schema.definitions()) {
            if (definition instanceof StructDef struct && struct.base() != null) {
                need.add(struct.base());
            } else if (definition instanceof UnionDef union && !union.isSimple()) {
                if (union.base() instanceof Data.TypeName named) {
                    need.add(named.name());
                }
                for (Branch branch : union.branches()) {
                    need.add(branch.type().name());
                }
            }
        }
        // a base's own base needs its interface too
        for (StructDef struct : schema.definitions(StructDef.class)) {
            if (need.contains(struct.name())) {
                for (String base = struct.base(); base != null; ) {
                    need.add(base);
                    base = schema.lookup(base).orElse(null) instanceof StructDef next ? next.base() : null;
                }
            }
        }
        return need;
    }

    /**
     * A union branch record holds the union's base members and the branch struct's members; the struct's
     * records and {@code Fields} interfaces must name its members as the branch record does, so a struct
     * (and every struct in its base chain) avoids the Java names of the union bases it is a branch of.
     */
    private void reserveUnionBaseNames() {
        for (UnionDef union : schema.definitions(UnionDef.class)) {
            if (union.isSimple()) {
                continue;
            }
            Set<String> baseNames = new HashSet<>(components(schema.members(union.base()), RECORD_RESERVED).values());
            for (Branch branch : union.branches()) {
                for (StructDef struct : baseChain(branch.type().name())) {
                    branchReserved.computeIfAbsent(struct.name(), k -> new HashSet<>()).addAll(baseNames);
                }
            }
        }
    }

    /** The names a struct's members avoid: every record's own, and its base chain's union base names. */
    String[] reserved(String structName) {
        Set<String> reserved = new java.util.TreeSet<>(List.of(RECORD_RESERVED));
        for (StructDef struct : baseChain(structName)) {
            reserved.addAll(branchReserved.getOrDefault(struct.name(), Set.of()));
        }
        return reserved.toArray(String[]::new);
    }

    /** A struct and its bases, nearest first; empty when the name is not a struct. */
    private List<StructDef> baseChain(String structName) {
        List<StructDef> chain = new ArrayList<>();
        for (Definition type = schema.lookup(structName).orElse(null); type instanceof StructDef struct; ) {
            chain.add(struct);
            type = struct.base() == null ? null : schema.lookup(struct.base()).orElse(null);
        }
        return chain;
    }

    private void nameConstants() {
        List<EnumDef> enums = new ArrayList<>(schema.definitions(EnumDef.class));
        schema.definitions(UnionDef.class).stream().filter(UnionDef::isSimple).forEach(u -> enums.add(u.implicitEnum()));
        for (EnumDef enumDef : enums) {
            NameScope scope = NameScope.members();
            Map<String, String> names = new LinkedHashMap<>();
            for (EnumValue value : enumDef.values()) {
                names.put(value.name(), scope.claim(JavaNames.constant(value.name())));
            }
            names.put(null, scope.claim(UNRECOGNIZED));
            constants.put(enumDef.name(), names);
        }
    }

    private void nameBranches() {
        for (Definition definition : schema.definitions()) {
            List<Branch> branches;
            if (definition instanceof UnionDef union) {
                branches = schema.allBranches(union);
            } else if (definition instanceof org.qapijava.qapi.model.AlternateDef alternate) {
                branches = alternate.branches();
            } else {
                continue;
            }
            NameScope scope = NameScope.files().reserve(types.get(definition.name()).simpleName());
            Map<String, String> names = new LinkedHashMap<>();
            for (Branch branch : branches) {
                names.put(branch.name(), scope.claim(JavaNames.type(branch.name())));
            }
            branchNames.put(definition.name(), names);
            if (definition instanceof UnionDef) {
                unknownBranch.put(definition.name(), scope.claim("Unknown"));
            }
        }
    }

    private void nameCommands() {
        NameScope methodScope = NameScope.members().reserve("execute", "executeAsync", "of", "equals", "hashCode",
                "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");
        NameScope constantScope = NameScope.members();
        for (CommandDef command : schema.definitions(CommandDef.class)) {
            methods.put(command.name(), methodScope.claim(JavaNames.method(command.name())));
            descriptorNames.put(command.name(), constantScope.claim(JavaNames.constant(command.name())));
        }
    }

    private void clashes(String pkg, Iterable<ClassName> first, Iterable<ClassName> second) {
        Set<String> clashing = new HashSet<>();
        for (Iterable<ClassName> names : List.of(first, second)) {
            for (ClassName name : names) {
                if (JAVA_LANG.contains(name.simpleName())) {
                    clashing.add(name.simpleName());
                }
            }
        }
        javaLangClashes.put(pkg, clashing);
    }

    /** The class of a type definition, or of a simple union's implicit enum. */
    ClassName type(String definitionName) {
        return types.get(definitionName);
    }

    /** The {@code Fields} interface of a struct that is a base or a branch type, or null. */
    ClassName fields(String structName) {
        return fields.get(structName);
    }

    ClassName event(String eventName) {
        return events.get(eventName);
    }

    /** The generated arguments record of a command with inline arguments, or null. */
    ClassName arguments(String commandName) {
        return arguments.get(commandName);
    }

    /** The constant of an enum value; the value null names the {@code UNRECOGNIZED} constant. */
    String constant(String enumName, String value) {
        return constants.get(enumName).get(value);
    }

    String branch(String unionOrAlternate, String branchName) {
        return branchNames.get(unionOrAlternate).get(branchName);
    }

    String unknownBranch(String unionName) {
        return unknownBranch.get(unionName);
    }

    String method(String commandName) {
        return methods.get(commandName);
    }

    String descriptor(String commandName) {
        return descriptorNames.get(commandName);
    }

    /** java.lang names that generated types of this package take, which its files must always qualify. */
    String[] javaLangClashes(String pkg) {
        return javaLangClashes.getOrDefault(pkg, Set.of()).stream().sorted().toArray(String[]::new);
    }

    /**
     * Component (or accessor) names for members in wire order, unique among themselves and apart from the
     * names in reserved. The same member list always gets the same names, so a record and the
     * {@code Fields} interfaces it implements agree.
     */
    static Map<Member, String> components(List<Member> members, String... reserved) {
        NameScope scope = NameScope.members().reserve(reserved);
        Map<Member, String> names = new LinkedHashMap<>();
        for (Member member : members) {
            names.put(member, scope.claim(JavaNames.member(member.name())));
        }
        return names;
    }

    Schema schema() {
        return schema;
    }
}
