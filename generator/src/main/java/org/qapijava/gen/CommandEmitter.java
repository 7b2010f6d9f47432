package org.qapijava.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;
import org.qapijava.qapi.model.CommandDef;
import org.qapijava.qapi.model.Data;
import org.qapijava.qapi.model.Member;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.model.StructDef;

/**
 * Emits the commands: an arguments record per command with inline arguments, {@code CommandDescriptors}
 * (a descriptor per command: wire name, argument and return types, flags), and the two views of one command
 * set, {@code QmpCommands} (waits for the result) and {@code QmpAsyncCommands} (returns a future), each
 * method a default method over the one the runtime implements.
 */
final class CommandEmitter {
    static final ClassName DESCRIPTOR = ClassName.get("org.qapijava.runtime.command", "CommandDescriptor");
    static final ClassName EXECUTOR = ClassName.get("org.qapijava.runtime.command", "CommandExecutor");
    static final ClassName ASYNC_EXECUTOR = ClassName.get("org.qapijava.runtime.command", "AsyncCommandExecutor");
    private static final ClassName VOID = ClassName.get(Void.class);

    private final Schema schema;
    private final Naming naming;
    private final JavaTypes types;
    private final Codecs codecs;

    CommandEmitter(Naming naming, JavaTypes types) {
        this.schema = naming.schema();
        this.naming = naming;
        this.types = types;
        this.codecs = new Codecs(naming);
    }

    /** The record of a command's inline arguments. */
    TypeSpec.Builder arguments(CommandDef command) {
        List<Component> components = types.components(schema.members(command.data()), Naming.RECORD_RESERVED);
        RecordCodec codec = new RecordCodec(naming.arguments(command.name()), command.name() + " arguments",
                components, false, codecs);
        return new RecordWriter(naming.arguments(command.name()), command.name(), components, false).write()
                .addMethods(codec.decoders())
                .addMethods(codec.encoders(null, null))
                .addJavadoc("The arguments of {@code $L}.\n", command.name())
                .addJavadoc(Javadocs.of(RecordWriter.params(components, member -> command.doc(), false)));
    }

    TypeSpec.Builder descriptors(List<CommandDef> commands) {
        TypeSpec.Builder spec = TypeSpec.classBuilder(naming.descriptors).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("A descriptor per command of this schema.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (CommandDef command : commands) {
            TypeName type = ParameterizedTypeName.get(DESCRIPTOR, argumentsType(command), resultType(command));
            spec.addField(FieldSpec.builder(type, naming.descriptor(command.name()), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("{@code $L}.\n", command.name())
                    .addAnnotations(Metadata.of(command.ifCond(), command.features()))
                    .initializer("new $T<>($L, $L, $L, $L, $L, $L, $L, $L,\n$L, $L)", DESCRIPTOR, Literals.string(command.name()),
                            literal(argumentsName(command)), literal(command.returns() == null ? null
                                    : command.returns().toString()),
                            command.allowOob(), command.allowPreconfig(), command.successResponse(),
                            command.coroutine(), !command.gen(), encoder(command), decoder(command))
                    .build());
        }
        return spec;
    }

    TypeSpec.Builder commands(List<CommandDef> commands, boolean async) {
        ClassName name = async ? naming.asyncCommands : naming.commands;
        TypeSpec.Builder spec = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addSuperinterface(async ? ASYNC_EXECUTOR : EXECUTOR)
                .addJavadoc(async ? "Every command of this schema; each returns at once, with a future of its result.\n"
                        : "Every command of this schema; each waits for its result.\n");
        for (CommandDef command : commands) {
            for (MethodSpec method : methods(command, async)) {
                spec.addMethod(method);
            }
        }
        return spec.addMethod(of(name, async));
    }

    /** {@code of(executor)}: the commands over an executor, such as the runtime's QmpClient. */
    private static MethodSpec of(ClassName name, boolean async) {
        ClassName executor = async ? ASYNC_EXECUTOR : EXECUTOR;
        String call = async ? "executeAsync" : "execute";
        TypeVariableName a = TypeVariableName.get("A");
        TypeVariableName r = TypeVariableName.get("R");
        TypeName returns = async ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), r) : r;
        MethodSpec delegate = MethodSpec.methodBuilder(call).addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addTypeVariable(a).addTypeVariable(r).returns(returns)
                .addParameter(ParameterizedTypeName.get(DESCRIPTOR, a, r), "command").addParameter(a, "arguments")
                .addStatement("return executor.$L(command, arguments)", call).build();
        return MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                .addParameter(executor, "executor")
                .addJavadoc("These commands over an executor, such as the runtime's {@code QmpClient}.\n")
                .addStatement("$T.requireNonNull(executor, \"executor\")", java.util.Objects.class)
                .addStatement("return $L", TypeSpec.anonymousClassBuilder("").addSuperinterface(name)
                        .addMethod(delegate).build())
                .build();
    }

    /** The typed form (arguments record), and the flattened form (required arguments only) where it differs. */
    private List<MethodSpec> methods(CommandDef command, boolean async) {
        String methodName = naming.method(command.name());
        TypeName result = resultType(command);
        TypeName returns = async ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result)
                : result.equals(VOID) ? TypeName.VOID : syncResult(command);
        String call = async ? "executeAsync" : "execute";
        CodeBlock descriptor = CodeBlock.of("$T.$L", naming.descriptors, naming.descriptor(command.name()));
        List<MethodSpec> methods = new ArrayList<>();
        TypeName arguments = argumentsType(command);
        if (arguments.equals(VOID)) {
            methods.add(method(command, methodName, returns, async)
                    .addStatement(invoke(returns, call, descriptor, CodeBlock.of("null"))).build());
            return methods;
        }
        String parameter = "arguments";
        methods.add(method(command, methodName, returns, async)
                .addParameter(arguments, parameter)
                .addJavadoc("@param $L the command's arguments\n", parameter)
                .addStatement(invoke(returns, call, descriptor, CodeBlock.of("$L", parameter))).build());
        if (!command.gen() || command.boxed()) {
            return methods;
        }
        List<Member> members = schema.members(command.data());
        Map<Member, String> names = Naming.components(members, Naming.RECORD_RESERVED);
        MethodSpec.Builder flat = method(command, methodName, returns, async);
        List<CodeBlock> values = new ArrayList<>();
        for (Member member : members) {
            String javaName = names.get(member);
            if (member.optional()) {
                values.add(CodeBlock.of("$T.empty()", Optional.class));
            } else {
                flat.addParameter(ParameterSpec.builder(types.required(member.type()), javaName).build());
                flat.addJavadoc("@param $L $L\n", javaName, Javadocs.memberText(argumentsDoc(command), member.name()));
                values.add(CodeBlock.of("$L", javaName));
            }
        }
        CodeBlock construct = CodeBlock.of("new $T($L)", arguments, CodeBlock.join(values, ", "));
        methods.add(flat.addStatement(invoke(returns, call, descriptor, construct)).build());
        return methods;
    }

    private MethodSpec.Builder method(CommandDef command, String name, TypeName returns, boolean async) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(returns)
                .addAnnotations(Metadata.of(command.ifCond(), command.features()));
        StringBuilder doc = new StringBuilder();
        if (command.doc() != null && !command.doc().body().isBlank()) {
            doc.append(Javadocs.text(command.doc().body())).append('\n');
        } else {
            doc.append("Executes {@code ").append(command.name()).append("}.\n");
        }
        Javadocs.sections(doc, command.doc());
        Javadocs.condition(doc, command.ifCond());
        if (!command.successResponse()) {
            doc.append("<p>QEMU sends no reply to it on success: the call does not wait for one.\n");
        }
        Javadocs.deprecation(doc, command.doc(), command.features());
        Javadocs.since(doc, command.doc());
        method.addJavadoc(Javadocs.of(doc));
        if (!returns.equals(TypeName.VOID)) {
            String text = Javadocs.returns(command.doc()).orElse("the result");
            method.addJavadoc("@return $L\n", async ? "a future of " + text : text);
        }
        return method;
    }

    private static CodeBlock invoke(TypeName returns, String call, CodeBlock descriptor, CodeBlock arguments) {
        return returns.equals(TypeName.VOID) ? CodeBlock.of("$L($L, $L)", call, descriptor, arguments)
                : CodeBlock.of("return $L($L, $L)", call, descriptor, arguments);
    }

    private org.qapijava.qapi.doc.Doc argumentsDoc(CommandDef command) {
        if (command.data() instanceof Data.TypeName named && schema.lookup(named.name()).orElse(null) instanceof StructDef s) {
            return s.doc();
        }
        return command.doc();
    }

    /** The Java type of the arguments: the generated record, the named type, raw JSON, or Void. */
    TypeName argumentsType(CommandDef command) {
        if (!command.gen()) {
            return JavaTypes.JSON_OBJECT;
        }
        if (command.data() == null) {
            return VOID;
        }
        if (command.data() instanceof Data.TypeName named) {
            return naming.type(named.name());
        }
        return naming.arguments(command.name());
    }

    private String argumentsName(CommandDef command) {
        return command.data() instanceof Data.TypeName named ? named.name()
                : command.data() == null ? null : command.name() + " arguments";
    }

    private TypeName resultType(CommandDef command) {
        if (!command.gen()) {
            return JavaTypes.JSON_VALUE;
        }
        if (command.returns() == null || !command.successResponse()) {
            return VOID;
        }
        return types.required(command.returns()).box();
    }

    private TypeName syncResult(CommandDef command) {
        return command.gen() ? types.required(command.returns()) : JavaTypes.JSON_VALUE;
    }

    private CodeBlock encoder(CommandDef command) {
        TypeName arguments = argumentsType(command);
        if (arguments.equals(VOID)) {
            return CodeBlock.of("null");
        }
        if (!command.gen()) {
            return CodeBlock.of("$T::writeAny", Codecs.WRITER);
        }
        return CodeBlock.of("$T::encode", arguments);
    }

    private CodeBlock decoder(CommandDef command) {
        if (resultType(command).equals(VOID)) {
            return CodeBlock.of("null");
        }
        return command.gen() ? codecs.decoder(command.returns()) : CodeBlock.of("$T::readAny", Codecs.READER);
    }

    private static String literal(String value) {
        return value == null ? "null" : Literals.string(value);
    }
}
