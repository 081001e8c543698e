package lowweb.workbench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the student's server, {@code workbench/src/main/java}, with the JDK this runs on (the one the build
 * selected), into a folder of its own: the same release and the same libraries as a stage. The build itself
 * compiles nothing of the workbench, so that a half-done server never breaks {@code ./mvnw test}.
 *
 * @param sources   the folder of the Java sources
 * @param classes   where the classes go; emptied first, so that no class of a deleted source stays behind
 * @param libraries the class path the sources compile against: Gson, as the stages do
 * @param release   the Java release the stages compile for
 */
record ServerBuild(Path sources, Path classes, List<Path> libraries, String release) {

    /**
     * The workbench's server: its sources in src/main/java, compiled into {@code target/<classes>}. A test run and
     * {@code -Dserve} each have a folder of their own, so that a test run never empties the folder of a server that
     * is serving in another window.
     */
    static ServerBuild of(Path workbench, String classes, List<Path> libraries, String release) {
        return new ServerBuild(workbench.resolve("src").resolve("main").resolve("java"),
                workbench.resolve("target").resolve(classes), libraries, release);
    }

    /** The Java files to compile; none before the student's first file. */
    List<Path> javaFiles() {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(path -> Files.isRegularFile(path) && path.toString().endsWith(".java")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sources, e);
        }
    }

    /** Compiles every Java file; returns the compiler's errors as it prints them, none when it compiled. */
    List<String> compile() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new WorkbenchError("the Java running the workbench has no compiler: it must be a JDK, not a JRE");
        }
        empty(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // The sources' encoding is said, not assumed: the course's files are UTF-8 on every system.
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", release, "-d", classes.toString(), "-proc:none", "-nowarn",
                    "-cp", String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList()));
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles())).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(diagnostic.toString());
                }
            }
            if (!compiled && errors.isEmpty()) {
                errors.add("the compiler failed without saying why");
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + sources, e);
        }
    }

    /**
     * The class path the server runs with: its classes, its resources if it has any, and the libraries. Both a test
     * run and {@code -Dserve} start it with this.
     */
    String classPath() {
        List<String> entries = new ArrayList<>(List.of(classes.toString()));
        Path resources = sources.resolveSibling("resources");
        if (Files.isDirectory(resources)) {
            entries.add(resources.toString());
        }
        libraries.forEach(library -> entries.add(library.toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static void empty(Path folder) {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder, e);
        }
    }
}
