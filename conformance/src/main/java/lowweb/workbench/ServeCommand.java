package lowweb.workbench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -Dserve}: builds the workbench's server and runs it in the workbench's folder, so that it reads the
 * {@code settings.json} there, on port 8080 (or {@code -Dserve.port}) and serving {@code shared-site}, as a stage's
 * {@code exec:exec} does: the server to try each step's commands by hand against. It runs until it is stopped.
 */
final class ServeCommand {

    private final Course course;
    private final Path workbench;
    private final PrintStream out;

    ServeCommand(Course course, Path workbench, PrintStream out) {
        this.course = course;
        this.workbench = workbench;
        this.out = out;
    }

    /** Returns the server's exit status. */
    int run(ServerBuild build, String port) {
        if (build.javaFiles().isEmpty()) {
            throw new WorkbenchError(course.shown(build.sources()) + " holds no Java file yet: nothing to serve");
        }
        List<String> errors = build.compile();
        if (!errors.isEmpty()) {
            out.println("The workbench's server does not compile:");
            errors.forEach(out::println);
            return Workbench.REFUSED;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", build.classPath(), "lowweb.Main", "--port", port, "--root",
                course.top().resolve("shared-site").toString()));
        out.println("Serving with the workbench's server, started in " + course.shown(workbench)
                + " (stop it with Ctrl+C):");
        out.flush();
        try {
            Process server = new ProcessBuilder(command).directory(workbench.toFile()).inheritIO().start();
            // Stopping the build stops this JVM; the server must not stay behind, holding the port.
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            return server.waitFor();
        } catch (IOException e) {
            throw new WorkbenchError("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
