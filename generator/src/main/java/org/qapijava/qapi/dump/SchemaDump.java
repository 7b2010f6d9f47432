package org.qapijava.qapi.dump;

import java.io.Writer;
import java.util.List;
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
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;
import org.qapijava.qapi.model.UnionDef;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes a checked schema as JSON in the canonical form that {@code qapi-gen dump} prints: every entity in
 * definition order with its own members only, types written as the schema writes them. Other tools and the
 * tests compare against it, so the layout of each entity is fixed (see the README's "dump format").
 */
public final class SchemaDump {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator out;

    private SchemaDump(JsonGenerator out) {
        this.out = out;
    }

    public static void write(Schema schema, Writer writer) {
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
        try (JsonGenerator out = JSON.createGenerator(pretty, writer)) {
            new SchemaDump(out).schema(schema);
        }
    }

    private void schema(Schema schema) {
        out.writeStartObject();
        out.writeName("entities");
        out.writeStartArray();
        for (Definition definition : schema.definitions()) {
            entity(definition);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void entity(Definition definition) {
        out.writeStartObject();
        out.writeStringProperty("meta", definition.meta());
        out.writeStringProperty("name", definition.name());
        ifCond(definition.ifCond());
        features(definition.features());
        out.writeStringProperty("file", definition.location().file().relativePath());
        out.writeNumberProperty("line", definition.location().line());
        if (definition instanceof EnumDef e) {
            out.writeStringProperty("prefix", e.prefix());
            out.writeName("values");
            out.writeStartArray();
            for (EnumValue value : e.values()) {
                out.writeStartObject();
                out.writeStringProperty("name", value.name());
                ifCond(value.ifCond());
                features(value.features());
                out.writeEndObject();
            }
            out.writeEndArray();
        } else if (definition instanceof StructDef s) {
            out.writeStringProperty("base", s.base());
            members("members", s.members());
        } else if (definition instanceof UnionDef u) {
            data("base", u.base());
            out.writeStringProperty("discriminator", u.discriminator());
            branches(u.branches());
        } else if (definition instanceof AlternateDef a) {
            branches(a.branches());
        } else if (definition instanceof CommandDef c) {
            data("data", c.data());
            out.writeStringProperty("returns", c.returns() == null ? null : c.returns().toString());
            out.writeBooleanProperty("boxed", c.boxed());
            out.writeBooleanProperty("gen", c.gen());
            out.writeBooleanProperty("success-response", c.successResponse());
            out.writeBooleanProperty("allow-oob", c.allowOob());
            out.writeBooleanProperty("allow-preconfig", c.allowPreconfig());
            out.writeBooleanProperty("coroutine", c.coroutine());
        } else if (definition instanceof EventDef e) {
            data("data", e.data());
            out.writeBooleanProperty("boxed", e.boxed());
        }
        out.writeEndObject();
    }

    private void data(String name, Data data) {
        out.writeName(name);
        if (data instanceof Data.TypeName named) {
            out.writeString(named.name());
        } else if (data instanceof Data.Inline inline) {
            out.writeStartObject();
            members("members", inline.members());
            out.writeEndObject();
        } else {
            out.writeNull();
        }
    }

    private void members(String name, List<Member> members) {
        out.writeName(name);
        out.writeStartArray();
        for (Member member : members) {
            out.writeStartObject();
            out.writeStringProperty("name", member.name());
            out.writeStringProperty("type", member.type().toString());
            out.writeBooleanProperty("optional", member.optional());
            ifCond(member.ifCond());
            features(member.features());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void branches(List<Branch> branches) {
        out.writeName("branches");
        out.writeStartArray();
        for (Branch branch : branches) {
            out.writeStartObject();
            out.writeStringProperty("name", branch.name());
            out.writeStringProperty("type", branch.type().toString());
            ifCond(branch.ifCond());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void features(List<Feature> features) {
        out.writeName("features");
        out.writeStartArray();
        for (Feature feature : features) {
            out.writeStartObject();
            out.writeStringProperty("name", feature.name());
            ifCond(feature.ifCond());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void ifCond(IfCond cond) {
        out.writeName("if");
        condition(cond);
    }

    private void condition(IfCond cond) {
        if (cond instanceof IfCond.Name name) {
            out.writeString(name.name());
        } else if (cond instanceof IfCond.CExpression expression) {
            out.writeString(expression.text());
        } else if (cond instanceof IfCond.Not not) {
            out.writeStartObject();
            out.writeName("not");
            condition(not.operand());
            out.writeEndObject();
        } else if (cond instanceof IfCond.All all) {
            operands("all", all.operands());
        } else if (cond instanceof IfCond.Any any) {
            operands("any", any.operands());
        } else {
            out.writeNull();
        }
    }

    private void operands(String operator, List<IfCond> operands) {
        out.writeStartObject();
        out.writeName(operator);
        out.writeStartArray();
        for (IfCond operand : operands) {
            condition(operand);
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
