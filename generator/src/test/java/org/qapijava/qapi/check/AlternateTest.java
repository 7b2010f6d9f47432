package org.qapijava.qapi.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapijava.qapi.SchemaFixture;
import org.qapijava.qapi.model.AlternateDef;
import org.qapijava.qapi.model.Branch;
import org.qapijava.qapi.model.IfCond;
import org.qapijava.qapi.model.TypeRef;

class AlternateTest {
    /** Lines 1 to 5; the alternate under test goes on line 6, its first branch key at column 33. */
    private static final String PRELUDE = """
            { 'struct': 'Obj', 'data': { 'x': 'int' } }
            { 'struct': 'Obj2', 'data': { 'y': 'int' } }
            { 'enum': 'Color', 'data': [ 'red', 'green' ] }
            { 'enum': 'OnOff', 'data': [ 'on', 'auto' ] }
            { 'enum': 'Size', 'data': [ 'small', '1g' ] }
            """;

    @TempDir
    Path dir;

    private SchemaFixture fx;

    @BeforeEach
    void setUp() {
        fx = new SchemaFixture(dir);
    }

    private AlternateDef alternate(String data) {
        return fx.schema(PRELUDE + "{ 'alternate': 'Alt', 'data': " + data + " }\n")
                .definitions(AlternateDef.class).get(0);
    }

    private List<String> errors(String data) {
        return fx.errors(PRELUDE + "{ 'alternate': 'Alt', 'data': " + data + " }\n");
    }

    @Test
    void boolNullObjectAndArrayAreDistinguishable() {
        AlternateDef alt = alternate("{ 'b': 'bool', 'n': 'null', 'o': 'Obj', 'l': [ 'int' ] }");
        assertThat(alt.branches()).extracting(Branch::name, Branch::type).containsExactly(
                tuple("b", new TypeRef.Named("bool")), tuple("n", new TypeRef.Named("null")),
                tuple("o", new TypeRef.Named("Obj")), tuple("l", new TypeRef.Array("int")));
    }

    @Test
    void strAndNullAreDistinguishable() {
        assertThat(alternate("{ 's': 'str', 'n': 'null' }").branches()).hasSize(2);
    }

    @Test
    void plainEnumIsDistinguishableFromNumberAndBool() {
        assertThat(alternate("{ 'c': 'Color', 'i': 'int', 'b': 'bool' }").branches()).hasSize(3);
    }

    @Test
    void branchMayBeConditional() {
        AlternateDef alt = alternate("{ 'i': { 'type': 'int', 'if': 'CONFIG_I' }, 'n': 'null' }");
        assertThat(alt.branches().get(0).ifCond()).isEqualTo(new IfCond.Name("CONFIG_I"));
    }

    @Test
    void branchObjectTakesTypeAndIfOnly() {
        assertThat(errors("{ 'i': { 'type': 'int', 'features': [] } }")).containsExactly(
                "schema.json:6:55: branch 'i' of alternate 'Alt' has unknown key 'features' (valid keys: 'if', 'type')");
    }

    @Test
    void emptyAlternateIsRejected() {
        assertThat(fx.errors("{ 'alternate': 'Alt', 'data': {} }\n"))
                .containsExactly("schema.json:1:31: 'data' of alternate 'Alt' must not be empty");
    }

    @Test
    void dataMustBeAnObject() {
        assertThat(fx.errors("{ 'alternate': 'Alt', 'data': [ 'int' ] }\n"))
                .containsExactly("schema.json:1:31: 'data' of alternate 'Alt' must be an object");
    }

    @Test
    void branchNamesAreLowerCase() {
        assertThat(fx.errors("{ 'alternate': 'Alt', 'data': { 'Num': 'int' } }\n")).containsExactly(
                "schema.json:1:33: name of branch 'Num' of alternate 'Alt' must not use uppercase or '_'");
    }

    @Test
    void branchNameMustNotStartWithADigit() {
        assertThat(fx.errors("{ 'alternate': 'Alt', 'data': { '1a': 'int' } }\n"))
                .containsExactly("schema.json:1:33: branch '1a' of alternate 'Alt' has an invalid name");
    }

    @Test
    void branchTypeMustExist() {
        assertThat(errors("{ 'a': 'Nope' }"))
                .containsExactly("schema.json:6:33: branch 'a' of alternate 'Alt' uses unknown type 'Nope'");
    }

    @Test
    void twoObjectBranchesClash() {
        assertThat(errors("{ 'a': 'Obj', 'b': 'Obj2' }"))
                .containsExactly("schema.json:6:45: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void intAndNumberClash() {
        assertThat(errors("{ 'a': 'int', 'b': 'number' }"))
                .containsExactly("schema.json:6:45: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
        assertThat(errors("{ 'a': 'int8', 'b': 'uint64' }"))
                .containsExactly("schema.json:6:46: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void strClashesWithIntInEitherOrder() {
        assertThat(errors("{ 'a': 'str', 'b': 'int' }"))
                .containsExactly("schema.json:6:45: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
        assertThat(errors("{ 'a': 'int', 'b': 'str' }"))
                .containsExactly("schema.json:6:45: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void strClashesWithBool() {
        assertThat(errors("{ 'a': 'bool', 'b': 'str' }"))
                .containsExactly("schema.json:6:46: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void strClashesWithEnum() {
        assertThat(errors("{ 'a': 'Color', 'b': 'str' }"))
                .containsExactly("schema.json:6:47: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void enumWithOnOrOffClashesWithBool() {
        assertThat(errors("{ 'a': 'OnOff', 'b': 'bool' }"))
                .containsExactly("schema.json:6:47: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
        assertThat(errors("{ 'a': 'bool', 'b': 'OnOff' }"))
                .containsExactly("schema.json:6:46: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void enumWithNumericLookingValueClashesWithNumber() {
        assertThat(errors("{ 'a': 'Size', 'b': 'number' }"))
                .containsExactly("schema.json:6:46: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
        assertThat(errors("{ 'a': 'int', 'b': 'Size' }"))
                .containsExactly("schema.json:6:45: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void twoArrayBranchesClash() {
        assertThat(errors("{ 'a': [ 'int' ], 'b': [ 'str' ] }"))
                .containsExactly("schema.json:6:49: branch 'b' of alternate 'Alt' can't be distinguished from branch 'a'");
    }

    @Test
    void anyBranchIsRejected() {
        assertThat(errors("{ 'a': 'any' }"))
                .containsExactly("schema.json:6:33: branch 'a' of alternate 'Alt' cannot use built-in type 'any'");
    }

    @Test
    void alternateBranchIsRejected() {
        assertThat(fx.errors(PRELUDE + """
                { 'alternate': 'Alt', 'data': { 'a': 'Inner', 'n': 'null' } }
                { 'alternate': 'Inner', 'data': { 'i': 'int', 'n': 'null' } }
                """)).containsExactly(
                "schema.json:6:33: branch 'a' of alternate 'Alt' cannot use alternate type 'Inner'");
    }
}
