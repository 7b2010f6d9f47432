package org.qapijava.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.qapijava.qapi.SchemaReader;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.SchemaException;

/**
 * Checks a QAPI schema and fails the build with every problem, each as {@code file:line:col: message}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The schema's entry file; the files it includes are found relative to it. */
    @Parameter(property = "qapi.schema", defaultValue = "${project.basedir}/src/main/qapi/qapi-schema.json",
            required = true)
    File schema;

    @Override
    public void execute() throws MojoFailureException {
        try {
            SchemaReader.read(schema.toPath());
            getLog().info("QAPI schema " + schema + " is valid");
        } catch (SchemaException e) {
            for (Diagnostic diagnostic : e.diagnostics()) {
                getLog().error(diagnostic.format());
            }
            int count = e.diagnostics().size();
            throw new MojoFailureException("QAPI schema " + schema + " has " + count
                    + (count == 1 ? " problem" : " problems") + ", listed above");
        }
    }
}
