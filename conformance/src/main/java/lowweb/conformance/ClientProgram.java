package lowweb.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A program people use with web servers, such as curl, ab or a browser, run by a test as a process of its own. A test
 * asks for it by name: when it is not installed the test is skipped with the reason and the Debian package that
 * brings it, so a machine without it still passes the suite. Each run has a time limit; what the program printed goes
 * to a file under {@code target/real-clients/}, and into the message of a failed check together with the command
 * line that repeats the run by hand.
 */
final class ClientProgram {

    /** Where the programs' outputs, screenshots and reports go: the {@code target/real-clients/} of the module. */
    static final Path OUTPUT = Path.of(System.getProperty("basedir", "."), "target", "real-clients")
            .toAbsolutePath().normalize();
    /** Arguments a shell takes as they are; anything else is shown in single quotes. */
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[\\w@%+=:,./-]+");
    /** A failure message shows the end of a long output; the whole of it is in the output file. */
    private static final int SHOWN_LINES = 80;

    private final String name;
    private final Path executable;
    private final Map<String, String> environment;

    private ClientProgram(String name, Path executable, Map<String, String> environment) {
        this.name = name;
        this.executable = executable;
        this.environment = Map.copyOf(environment);
    }

    /** The program {@code name} from the PATH; the test is skipped when it is not there. */
    static ClientProgram required(String name, String debianPackage) {
        return new ClientProgram(name, installed(name, debianPackage), Map.of());
    }

    /** Where the program {@code name} is installed; the test is skipped when it is not on the PATH. */
    static Path installed(String name, String debianPackage) {
        Optional<Path> found = onPath(name);
        assumeTrue(found.isPresent(), () -> "skipped: " + name + " is not installed (Debian package " + debianPackage
                + "); tools/install-real-clients.sh installs it");
        return found.get();
    }

    /** The same program, run with this environment variable set as well. */
    ClientProgram with(String variable, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(variable, value);
        return new ClientProgram(name, executable, more);
    }

    /**
     * Runs the program with these arguments and waits for it, at most {@code limit}. Standard output and error go,
     * interleaved as the program wrote them, to {@code outputName} in {@link #OUTPUT}. Fails, with the command line
     * and the output so far, when the program cannot start or outlives the limit; any exit status is returned.
     */
    Run run(Duration limit, String outputName, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        Path outputFile = OUTPUT.resolve(outputName);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        // Every request goes straight to the server on 127.0.0.1: a proxy set for this machine must see none of it.
        builder.environment().keySet().removeIf(variable -> variable.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        builder.environment().putAll(environment);
        Process process;
        try {
            Files.createDirectories(OUTPUT);
            process = builder.start();
            // None of these programs needs input; an end of input at once keeps one from waiting for it.
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + name + ": " + e.getMessage() + "\n--- command: "
                    + commandLine(command));
        }
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                // A browser driver leaves the browser behind unless its children are stopped too.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(name + " did not finish within " + limit.toSeconds() + " s"
                        + new Run(command, -1, read(outputFile), outputFile).shown());
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name);
        }
        return new Run(command, process.exitValue(), read(outputFile), outputFile);
    }

    /**
     * One finished run of a program.
     *
     * @param command    the program and its arguments
     * @param status     the exit status, or -1 for a run that was stopped
     * @param output     standard output and error, interleaved
     * @param outputFile where the output is kept
     */
    record Run(List<String> command, int status, String output, Path outputFile) {

        /** The run, for the message of a failed check: the command line, the exit status and the output. */
        String shown() {
            List<String> lines = output.lines().toList();
            List<String> end = lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size());
            return "\n--- command: " + commandLine(command)
                    + "\n--- exit status: " + status
                    + "\n--- output (" + outputFile + (end.size() < lines.size() ? ", its last " + end.size()
                    + " of " + lines.size() + " lines" : "") + "):\n"
                    + (lines.isEmpty() ? "(none)" : String.join("\n", end));
        }

        /** The number after {@code label:} that starts a line, as in ab's {@code Complete requests: 5000}, or -1. */
        long numberAfter(String label) {
            Matcher matcher = Pattern.compile("^" + Pattern.quote(label) + ":\\s*(\\d+)", Pattern.MULTILINE)
                    .matcher(output);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }

        /** The first line of the output that starts with {@code prefix}, or a note that there is none. */
        String lineStartingWith(String prefix) {
            return output.lines().filter(line -> line.startsWith(prefix)).findFirst()
                    .orElse("(no line starting with \"" + prefix + "\")");
        }

        /** This run, after checking that the program exited with status 0. */
        Run succeeded() {
            if (status != 0) {
                throw new AssertionError(Path.of(command.getFirst()).getFileName() + " exited with status " + status
                        + shown());
            }
            return this;
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The command as one line a shell runs the same way. */
    private static String commandLine(List<String> command) {
        return command.stream()
                .map(argument -> PLAIN_ARGUMENT.matcher(argument).matches() ? argument
                        : "'" + argument.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** The output as text; a program may print bytes that are not UTF-8, which show as replacement characters. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
