package org.qapijava.qapi.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.model.AlternateDef;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.Definition;
import org.qapijava.qapi.model.EnumDef;
import org.qapijava.qapi.model.EnumValue;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Feature;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Pragmas;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.TypeRef;
import org.qapijava.qapi.model.UnionDef;
import org.qapijava.qapi.source.Location;
import org.qapijava.qapi.syntax.Node;

/**
 * Checks one top-level expression against the grammar of definitions, without looking at other definitions
 * (that is {@link SchemaChecker}'s job), and turns it into a model {@link Definition}. The first problem
 * stops the expression with a {@link SchemaError} located at the offending key or value.
 */
final class ExpressionChecker {
    private static final List<String> METAS = List.of("enum", "struct", "union", "alternate", "command", "event");
    private static final Pattern IF_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Pragmas pragmas;
    private final NameRules names;

    ExpressionChecker(Pragmas pragmas, NameRules names) {
        this.pragmas = pragmas;
        this.names = names;
    }

    /** The definition's meta and name, if the expression has exactly one meta key with a string value. */
    static Node.Str definitionName(Node.Obj expr) {
        String meta = meta(expr);
        return meta != null && expr.get(meta) instanceof Node.Str name ? name : null;
    }

    private static String meta(Node.Obj expr) {
        String found = null;
        for (String meta : METAS) {
            if (expr.has(meta)) {
                if (found != null) {
                    return null;
                }
                found = meta;
            }
        }
        return found;
    }

    Definition check(Node.Obj expr, Doc doc) {
        String meta = meta(expr);
        if (meta == null) {
            throw new SchemaError(expr.location(), "expression must have exactly one key "
                    + "'enum', 'struct', 'union', 'alternate', 'command', 'event'");
        }
        if (!(expr.get(meta) instanceof Node.Str name)) {
            throw new SchemaError(expr.get(meta).location(), "'" + meta + "' requires a string name");
        }
        String what = meta + " '" + name.value() + "'";
        names.definition(name, meta, pragmas.commandNameExceptions().contains(name.value()));
        checkDoc(doc, name, what, expr.location());
        Definition definition = switch (meta) {
            case "enum" -> enumDef(expr, name, doc);
            case "struct" -> struct(expr, name, doc);
            case "union" -> union(expr, name, doc);
            case "alternate" -> alternate(expr, name, doc);
            case "command" -> command(expr, name, doc);
            default -> event(expr, name, doc);
        };
        checkFlags(expr);
        return definition;
    }

    private void checkDoc(Doc doc, Node.Str name, String what, Location at) {
        if (doc == null) {
            if (pragmas.docRequired()) {
                throw new SchemaError(at, "documentation comment required for " + what);
            }
        } else if (doc.symbol() == null) {
            throw new SchemaError(doc.location(),
                    "documentation comment before " + what + " lacks its '@" + name.value() + ":' line");
        } else if (!doc.symbol().equals(name.value())) {
            throw new SchemaError(doc.location(), "documentation comment is for '" + doc.symbol()
                    + "', but the definition after it is " + what);
        }
    }

    private EnumDef enumDef(Node.Obj expr, Node.Str name, Doc doc) {
        checkKeys(expr, "enum", Set.of("enum", "data"), Set.of("if", "features", "prefix"));
        String what = "enum '" + name.value() + "'";
        if (!(expr.get("data") instanceof Node.Arr data)) {
            throw new SchemaError(expr.get("data").location(), "'data' of " + what + " must be an array");
        }
        String prefix = null;
        if (expr.has("prefix")) {
            prefix = string(expr.get("prefix"), "'prefix' of " + what);
        }
        boolean permissive = pragmas.memberNameExceptions().contains(name.value());
        List<EnumValue> values = new ArrayList<>();
        for (Node item : data.items()) {
            Node.Obj value = item instanceof Node.Obj obj ? obj : null;
            Node nameNode = item;
            if (value != null) {
                checkKeys(value, "value of " + what, Set.of("name"), Set.of("if", "features"));
                nameNode = value.get("name");
            }
            if (!(nameNode instanceof Node.Str valueName)) {
                throw new SchemaError(nameNode.location(), "value of " + what + " requires a string name");
            }
            String valueWhat = "value '" + valueName.value() + "' of " + what;
            names.enumValue(valueName, valueWhat, permissive);
            values.add(new EnumValue(valueName.value(), value == null ? IfCond.ALWAYS : ifCond(value, valueWhat),
                    value == null ? List.of() : features(value, valueWhat), valueName.location()));
        }
        return new EnumDef(name.value(), values, prefix, ifCond(expr, what), features(expr, what), doc,
                expr.location());
    }

    private StructDef struct(Node.Obj expr, Node.Str name, Doc doc) {
        checkKeys(expr, "struct", Set.of("struct", "data"), Set.of("base", "if", "features"));
        String what = "struct '" + name.value() + "'";
        List<Member> members = members(expr.get("data"), what, name.value());
        String base = expr.has("base") ? typeName(expr.get("base"), "'base' of " + what) : null;
        return new StructDef(name.value(), base, members, ifCond(expr, what), features(expr, what), doc,
                expr.location());
    }

    private UnionDef union(Node.Obj expr, Node.Str name, Doc doc) {
        checkKeys(expr, "union", Set.of("union", "data"), Set.of("base", "discriminator", "if", "features"));
        String what = "union '" + name.value() + "'";
        boolean simple = !expr.has("discriminator");
        Data base = null;
        String discriminator = null;
        if (simple) {
            if (expr.has("base")) {
                throw new SchemaError(expr.get("base").location(), "'base' of " + what + " requires 'discriminator'");
            }
        } else {
            if (!expr.has("base")) {
                throw new SchemaError(expr.location(), "union misses key 'base'");
            }
            discriminator = string(expr.get("discriminator"), "'discriminator' of " + what);
            Node baseNode = expr.get("base");
            base = baseNode instanceof Node.Obj
                    ? new Data.Inline(members(baseNode, "base of " + what, name.value()))
                    : new Data.TypeName(typeName(baseNode, "'base' of " + what), baseNode.location());
        }
        List<Branch> branches = branches(expr, what, simple, simple);
        return new UnionDef(name.value(), base, discriminator, branches, ifCond(expr, what), features(expr, what),
                doc, expr.location());
    }

    private AlternateDef alternate(Node.Obj expr, Node.Str name, Doc doc) {
        checkKeys(expr, "alternate", Set.of("alternate", "data"), Set.of("if", "features"));
        String what = "alternate '" + name.value() + "'";
        List<Branch> branches = branches(expr, what, true, true);
        if (branches.isEmpty()) {
            throw new SchemaError(expr.get("data").location(), "'data' of " + what + " must not be empty");
        }
        return new AlternateDef(name.value(), branches, ifCond(expr, what), features(expr, what), doc,
                expr.location());
    }

    private List<Branch> branches(Node.Obj expr, String what, boolean checkNames, boolean allowArray) {
        if (!(expr.get("data") instanceof Node.Obj data)) {
            throw new SchemaError(expr.get("data").location(), "'data' of " + what + " must be an object");
        }
        List<Branch> branches = new ArrayList<>();
        for (Node.Obj.Field field : data.fields().values()) {
            String branchWhat = "branch '" + field.key().value() + "' of " + what;
            if (checkNames) {
                names.member(field.key(), branchWhat, false);
            }
            Node typeNode = field.value();
            IfCond ifCond = IfCond.ALWAYS;
            if (typeNode instanceof Node.Obj branch) {
                checkKeys(branch, branchWhat, Set.of("type"), Set.of("if"));
                ifCond = ifCond(branch, branchWhat);
                typeNode = branch.get("type");
            }
            TypeRef type = typeRef(typeNode, branchWhat, allowArray);
            branches.add(new Branch(field.key().value(), type, ifCond, field.key().location()));
        }
        return branches;
    }

    private CommandDef command(Node.Obj expr, Node.Str name, Doc doc) {
        checkKeys(expr, "command", Set.of("command"), Set.of("data", "returns", "boxed", "if", "features", "gen",
                "success-response", "allow-oob", "allow-preconfig", "coroutine"));
        String what = "command '" + name.value() + "'";
        boolean boxed = flag(expr, "boxed");
        Data data = data(expr, what, boxed);
        TypeRef returns = expr.has("returns") ? typeRef(expr.get("returns"), "'returns' of " + what, true) : null;
        return new CommandDef(name.value(), data, returns, boxed, !expr.has("gen"), !expr.has("success-response"),
                flag(expr, "allow-oob"), flag(expr, "allow-preconfig"), flag(expr, "coroutine"),
                ifCond(expr, what), features(expr, what), doc, expr.location());
    }

    private EventDef event(Node.Obj expr, Node.Str name, Doc doc) {
        checkKeys(expr, "event", Set.of("event"), Set.of("data", "boxed", "if", "features"));
        String what = "event '" + name.value() + "'";
        boolean boxed = flag(expr, "boxed");
        return new EventDef(name.value(), data(expr, what, boxed), boxed, ifCond(expr, what), features(expr, what),
                doc, expr.location());
    }

    private Data data(Node.Obj expr, String what, boolean boxed) {
        Node data = expr.get("data");
        if (data == null) {
            if (boxed) {
                throw new SchemaError(expr.location(), "'boxed': true of " + what + " requires 'data'");
            }
            return null;
        }
        if (data instanceof Node.Obj && !boxed) {
            List<Member> members = members(data, what, null);
            return members.isEmpty() ? null : new Data.Inline(members); // no arguments, as in QEMU
        }
        if (data instanceof Node.Obj) {
            throw new SchemaError(data.location(), "'data' of " + what + " must be a type name when 'boxed' is true");
        }
        return new Data.TypeName(typeName(data, "'data' of " + what), data.location());
    }

    /**
     * Members written inline. owner names the type whose name, when listed in {@code member-name-exceptions},
     * lets members break the naming rules; null for a command's or event's arguments.
     */
    private List<Member> members(Node node, String what, String owner) {
        if (!(node instanceof Node.Obj data)) {
            throw new SchemaError(node.location(), "'data' of " + what + " must be an object");
        }
        boolean permissive = owner != null && pragmas.memberNameExceptions().contains(owner);
        List<Member> members = new ArrayList<>();
        for (Node.Obj.Field field : data.fields().values()) {
            String key = field.key().value();
            boolean optional = key.startsWith("*");
            Node.Str name = optional ? new Node.Str(key.substring(1), field.key().location()) : field.key();
            String memberWhat = "member '" + name.value() + "' of " + what;
            names.member(name, memberWhat, permissive);
            String cName = NameRules.cName(name.value());
            if (cName.equals("u") || cName.startsWith("has_")) {
                throw new SchemaError(name.location(), memberWhat + " uses a reserved name");
            }
            Node typeNode = field.value();
            IfCond ifCond = IfCond.ALWAYS;
            List<Feature> features = List.of();
            if (typeNode instanceof Node.Obj member) {
                checkKeys(member, memberWhat, Set.of("type"), Set.of("if", "features"));
                ifCond = ifCond(member, memberWhat);
                features = features(member, memberWhat);
                typeNode = member.get("type");
            }
            members.add(new Member(name.value(), typeRef(typeNode, memberWhat, true), optional, ifCond, features,
                    name.location()));
        }
        return members;
    }

    private static TypeRef typeRef(Node node, String what, boolean allowArray) {
        if (node instanceof Node.Arr array) {
            if (!allowArray) {
                throw new SchemaError(node.location(), what + " cannot be an array");
            }
            if (array.items().size() != 1 || !(array.items().get(0) instanceof Node.Str element)) {
                throw new SchemaError(node.location(), what + ": array type must contain single type name");
            }
            return new TypeRef.Array(element.value());
        }
        return new TypeRef.Named(typeName(node, what));
    }

    private static String typeName(Node node, String what) {
        if (node instanceof Node.Str name) {
            return name.value();
        }
        throw new SchemaError(node.location(), what + " should be a type name");
    }

    private static String string(Node node, String what) {
        if (node instanceof Node.Str str) {
            return str.value();
        }
        throw new SchemaError(node.location(), what + " must be a string");
    }

    private List<Feature> features(Node.Obj owner, String what) {
        Node node = owner.get("features");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Arr list)) {
            throw new SchemaError(node.location(), "'features' of " + what + " must be an array");
        }
        List<Feature> features = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : list.items()) {
            Node.Obj feature = item instanceof Node.Obj obj ? obj : null;
            Node nameNode = item;
            if (feature != null) {
                checkKeys(feature, "feature of " + what, Set.of("name"), Set.of("if"));
                nameNode = feature.get("name");
            }
            if (!(nameNode instanceof Node.Str name)) {
                throw new SchemaError(nameNode.location(), "feature of " + what + " requires a string name");
            }
            String featureWhat = "feature '" + name.value() + "' of " + what;
            names.member(name, featureWhat, false);
            if (!seen.add(NameRules.cName(name.value()))) {
                throw new SchemaError(name.location(), featureWhat + " is listed twice");
            }
            features.add(new Feature(name.value(), feature == null ? IfCond.ALWAYS : ifCond(feature, featureWhat),
                    name.location()));
        }
        return features;
    }

    /**
     * A condition: a configuration symbol or an {@code all}/{@code any}/{@code not} object; or, in the form
     * QEMU 4.2 to 5.2 wrote (at the top of a condition only), a C expression or a list of them that must all
     * hold.
     */
    private IfCond ifCond(Node.Obj owner, String what) {
        Node node = owner.get("if");
        if (node == null) {
            return IfCond.ALWAYS;
        }
        String condWhat = "'if' condition of " + what;
        if (node instanceof Node.Arr list) {
            if (list.items().isEmpty()) {
                throw new SchemaError(list.location(), condWhat + " is an empty list, which is useless");
            }
            List<IfCond> operands = new ArrayList<>();
            for (Node item : list.items()) {
                if (!(item instanceof Node.Str str)) {
                    throw new SchemaError(item.location(), condWhat + " must be a list of strings");
                }
                operands.add(legacyOrName(str, condWhat));
            }
            return new IfCond.All(operands);
        }
        return node instanceof Node.Str str ? legacyOrName(str, condWhat) : condition(node, condWhat);
    }

    private static IfCond legacyOrName(Node.Str str, String what) {
        String text = str.value();
        return !IF_NAME.matcher(text).matches() && text.contains("defined")
                ? new IfCond.CExpression(text) : condition(str, what);
    }

    private static IfCond condition(Node node, String what) {
        if (node instanceof Node.Str str) {
            String text = str.value();
            if (IF_NAME.matcher(text).matches()) {
                return new IfCond.Name(text);
            }
            throw new SchemaError(node.location(), what + " '" + text + "' is not a valid identifier");
        }
        if (!(node instanceof Node.Obj obj)) {
            throw new SchemaError(node.location(), what + " must be a string or an object");
        }
        checkKeys(obj, what, Set.of(), Set.of("all", "any", "not"));
        if (obj.fields().size() != 1) {
            throw new SchemaError(node.location(), what + " must have exactly one of 'all', 'any', 'not'");
        }
        if (obj.has("not")) {
            return new IfCond.Not(condition(obj.get("not"), what));
        }
        String operator = obj.has("all") ? "all" : "any";
        if (!(obj.get(operator) instanceof Node.Arr list)) {
            throw new SchemaError(obj.get(operator).location(), "'" + operator + "' in " + what + " must be an array");
        }
        if (list.items().isEmpty()) {
            throw new SchemaError(list.location(), what + " is an empty list, which is useless");
        }
        List<IfCond> operands = new ArrayList<>();
        for (Node item : list.items()) {
            operands.add(condition(item, what));
        }
        return operator.equals("all") ? new IfCond.All(operands) : new IfCond.Any(operands);
    }

    private static boolean flag(Node.Obj expr, String key) {
        return expr.get(key) instanceof Node.Bool bool && bool.value();
    }

    private static void checkFlags(Node.Obj expr) {
        for (String key : List.of("gen", "success-response")) {
            if (expr.has(key) && !(expr.get(key) instanceof Node.Bool bool && !bool.value())) {
                throw new SchemaError(expr.get(key).location(), "flag '" + key + "' may only use false value");
            }
        }
        for (String key : List.of("boxed", "allow-oob", "allow-preconfig", "coroutine")) {
            if (expr.has(key) && !(expr.get(key) instanceof Node.Bool bool && bool.value())) {
                throw new SchemaError(expr.get(key).location(), "flag '" + key + "' may only use true value");
            }
        }
        if (expr.has("allow-oob") && expr.has("coroutine")) {
            throw new SchemaError(expr.get("coroutine").location(),
                    "flags 'allow-oob' and 'coroutine' are incompatible");
        }
    }

    private static void checkKeys(Node.Obj obj, String what, Set<String> required, Set<String> optional) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(obj.keys());
        if (!missing.isEmpty()) {
            throw new SchemaError(obj.location(), what + " misses key" + (missing.size() > 1 ? "s " : " ")
                    + quoted(missing));
        }
        for (Node.Obj.Field field : obj.fields().values()) {
            String key = field.key().value();
            if (!required.contains(key) && !optional.contains(key)) {
                Set<String> valid = new TreeSet<>(required);
                valid.addAll(optional);
                throw new SchemaError(field.key().location(), what + " has unknown key '" + key
                        + "' (valid keys: " + quoted(valid) + ")");
            }
        }
    }

    private static String quoted(Set<String> keys) {
        return String.join(", ", keys.stream().map(k -> "'" + k + "'").toList());
    }
}
