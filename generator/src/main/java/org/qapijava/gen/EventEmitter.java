package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.EventDef;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.TypeRef;

/**
 * Emits the events: a record per event (its data members, then its timestamp), the sealed {@code Event}
 * interface over them and {@code UnknownEvent} (what a newer QEMU sends), and {@code Events}, the registry
 * from wire name to type.
 */
final class EventEmitter {
    static final ClassName QMP_EVENT = ClassName.get("org.qapijava.runtime.event", "QmpEvent");
    static final ClassName TIMESTAMP = ClassName.get("org.qapijava.runtime.event", "EventTimestamp");
    static final ClassName DECODER = ClassName.get("org.qapijava.runtime.event", "EventDecoder");

    private final Schema schema;
    private final Naming naming;
    private final JavaTypes types;
    private final Codecs codecs;

    EventEmitter(Naming naming, JavaTypes types) {
        this.schema = naming.schema();
        this.naming = naming;
        this.types = types;
        this.codecs = new Codecs(naming);
    }

    TypeSpec.Builder event(EventDef event) {
        ClassName name = naming.event(event.name());
        List<Component> components = new ArrayList<>();
        // the timestamp accessor is QmpEvent's: it keeps its name, a data member called timestamp yields
        NameScope scope = NameScope.members().reserve(Naming.RECORD_RESERVED).reserve("wireName", "timestamp");
        if (event.boxed()) {
            components.add(new Component(scope.claim("data"), types.required(new TypeRef.Named(((Data.TypeName) event.data()).name())), null));
        } else {
            for (Member member : schema.members(event.data())) {
                components.add(new Component(scope.claim(JavaNames.member(member.name())),
                        types.member(member.type(), member.optional()), member));
            }
        }
        String timestamp = "timestamp";
        List<Component> withTimestamp = new ArrayList<>(components);
        withTimestamp.add(new Component(timestamp, TIMESTAMP, null));
        TypeSpec.Builder spec = new RecordWriter(name, event.name(), withTimestamp, true).write()
                .addJavadoc(Javadocs.definition(event.doc(), "event", event.name(), event.ifCond(), event.features(),
                        params(withTimestamp, event, timestamp)))
                .addAnnotation(Metadata.wireName(event.name()))
                .addAnnotations(Metadata.of(event.ifCond(), event.features()))
                .addSuperinterface(naming.eventInterface)
                .addField(FieldSpec.builder(String.class, "WIRE_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", Literals.string(event.name())).build())
                .addMethod(MethodSpec.methodBuilder("wireName").addModifiers(Modifier.PUBLIC).addAnnotation(Override.class)
                        .returns(String.class).addStatement("return WIRE_NAME").build());
        MethodSpec.Builder decode = MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name).addParameter(Codecs.READER, "in").addParameter(TIMESTAMP, timestamp)
                .addJavadoc("Reads the event from its {@code data} object.\n");
        if (event.boxed()) {
            decode.addStatement("return new $T($L, $L, $T.NONE)", name, codecs.read(new TypeRef.Named(((Data.TypeName) event.data()).name())),
                    timestamp, JavaTypes.UNKNOWN_FIELDS);
        } else {
            RecordCodec codec = new RecordCodec(name, event.name(), withTimestamp, true, codecs);
            spec.addMethod(codec.decodeMembers(List.of(withTimestamp.get(withTimestamp.size() - 1))));
            decode.addStatement("in.beginObject()").addStatement("return decodeMembers(in, $L)", timestamp);
        }
        spec.addMethod(decode.build());
        return spec;
    }

    private String params(List<Component> components, EventDef event, String timestamp) {
        StringBuilder out = new StringBuilder();
        for (Component component : components) {
            out.append("@param ").append(component.name()).append(' ');
            if (component.member() != null) {
                out.append(Javadocs.memberText(event.doc(), component.member())).append('\n');
            } else if (component.name().equals(timestamp)) {
                out.append("when QEMU emitted it\n");
            } else {
                out.append("the event's data\n");
            }
        }
        return out.append("@param unknownFields what a lenient decode found that this version does not know\n").toString();
    }

    TypeSpec.Builder eventInterface(List<EventDef> events) {
        TypeSpec.Builder spec = TypeSpec.interfaceBuilder(naming.eventInterface).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addSuperinterface(QMP_EVENT)
                .addJavadoc("An event of this schema; {@link $T} is one this version does not know.\n", naming.unknownEvent);
        for (EventDef event : events) {
            spec.addPermittedSubclass(naming.event(event.name()));
        }
        return spec.addPermittedSubclass(naming.unknownEvent);
    }

    TypeSpec.Builder unknownEvent() {
        List<Component> components = List.of(new Component("wireName", JavaTypes.STRING, null),
                new Component("data", JavaTypes.JSON_OBJECT, null), new Component("timestamp", TIMESTAMP, null));
        return new RecordWriter(naming.unknownEvent, "UnknownEvent", components, false).write()
                .addJavadoc("An event this version of the API does not know, which a newer QEMU sent; it reaches listeners\n"
                        + "as it came.\n")
                .addJavadoc("@param wireName the event's name\n@param data its data, empty when it had none\n"
                        + "@param timestamp when QEMU emitted it\n")
                .addSuperinterface(naming.eventInterface)
                ;
    }

    TypeSpec.Builder registry(List<EventDef> events) {
        TypeName type = ParameterizedTypeName.get(ClassName.get(Class.class),
                WildcardTypeName.subtypeOf(naming.eventInterface));
        TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class), JavaTypes.STRING, type);
        CodeBlock.Builder entries = CodeBlock.builder().add("$T.ofEntries(", Map.class).indent();
        for (int i = 0; i < events.size(); i++) {
            entries.add("\n$T.entry($T.WIRE_NAME, $T.class)$L", Map.class, naming.event(events.get(i).name()),
                    naming.event(events.get(i).name()), i < events.size() - 1 ? "," : "");
        }
        entries.unindent().add(")");
        TypeName decoder = ParameterizedTypeName.get(DECODER, WildcardTypeName.subtypeOf(naming.eventInterface));
        CodeBlock.Builder decoders = CodeBlock.builder().add("$T.<$T, $T>ofEntries(", Map.class, String.class, decoder)
                .indent();
        for (int i = 0; i < events.size(); i++) {
            ClassName event = naming.event(events.get(i).name());
            decoders.add("\n$T.entry($T.WIRE_NAME, ($T) $T::decode)$L", Map.class, event,
                    ParameterizedTypeName.get(DECODER, event), event, i < events.size() - 1 ? "," : "");
        }
        decoders.unindent().add(")");
        return TypeSpec.classBuilder(naming.eventRegistry).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The events of this schema by wire name.\n")
                .addField(FieldSpec.builder(map, "BY_WIRE_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer(entries.build()).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class), JavaTypes.STRING, decoder),
                                "DECODERS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The decoder of each event, by wire name.\n")
                        .initializer(decoders.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                ;
    }
}
