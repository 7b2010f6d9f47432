package org.qapijava.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.qapijava.gen.JavaGenerator;
import org.qapijava.gen.SourceWriter;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.SchemaException;
import org.qapijava.qapi.model.Schema;

/**
 * Generates Java from a QAPI schema into a source folder that the build then compiles. Files whose content
 * did not change are not rewritten, so an unchanged schema leaves every timestamp as it was and the compiler
 * has nothing new to do; files for definitions that disappeared are removed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The schema's entry file. */
    @Parameter(property = "qapi.schema", defaultValue = "${project.basedir}/src/main/qapi/qapi-schema.json",
            required = true)
    File schema;

    /** The package of the generated types; events and commands go to its .event and .command subpackages. */
    @Parameter(property = "qapi.package", required = true)
    String packageName;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/qapi", required = true)
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Schema checked;
        try {
            checked = SchemaReader.read(schema.toPath());
        } catch (SchemaException e) {
            for (Diagnostic diagnostic : e.diagnostics()) {
                getLog().error(diagnostic.format());
            }
            throw new MojoFailureException("QAPI schema " + schema + " has " + e.diagnostics().size()
                    + " problem(s), listed above");
        }
        try {
            SourceWriter.Result result = SourceWriter.write(
                    new JavaGenerator(checked, packageName, schema.getName()), outputDirectory.toPath());
            getLog().info("QAPI " + schema.getName() + ": " + result.written().size() + " written, "
                    + result.unchanged().size() + " unchanged, " + result.removed().size() + " removed");
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write generated sources to " + outputDirectory, e);
        }
        if (project != null) {
            project.addCompileSourceRoot(outputDirectory.getPath());
        }
    }
}
