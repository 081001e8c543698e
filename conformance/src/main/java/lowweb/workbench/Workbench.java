package lowweb.workbench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The workbench: the place where a student writes the server, {@code workbench/src/main/java}, one step at a time.
 * The workbench module's build runs this class in a JVM of the JDK it selected, with one action:
 * <ul>
 *   <li>{@code start point=3.2 force=false}: put the start of a stage or step into the workbench;</li>
 *   <li>{@code test stage=3 step=3.2 all=false}: build the workbench's server and run the tests of every step up to
 *       there, one step at a time;</li>
 *   <li>{@code compare point=3.2}: the student's change beside the solution's;</li>
 *   <li>{@code serve port=8080}: build the workbench's server and run it, to try it by hand.</li>
 * </ul>
 * Every action also needs {@code top=} (the repository) and {@code workbench=} (its folder); {@code test} and
 * {@code serve} need {@code libraries=} (the server's class path) and {@code release=}. What a student types freely,
 * the command of another server to grade, comes through the environment (WORKBENCH_SERVER_COMMAND,
 * WORKBENCH_SERVER_URL, WORKBENCH_SERVER_DIRECTORY), where no quoting rule of any system can change it on the way.
 *
 * <p>The exit status says how it went: 0 done, {@value #STEP_FAILED} a step's tests failed, {@value #REFUSED} the
 * action was refused with a message (a point that names no step, work that a start would overwrite). The build
 * counts both as a normal end by default, since the message and the summary say all there is to say; a script that
 * needs the status sets {@code -Dworkbench.successCodes=0}.
 */
public final class Workbench {

    static final int STEP_FAILED = 3;
    static final int REFUSED = 4;

    private Workbench() {
    }

    public static void main(String[] arguments) {
        int status;
        try {
            status = run(arguments, System.out);
        } catch (WorkbenchError e) {
            System.out.flush();
            System.err.println("workbench: " + e.getMessage());
            status = REFUSED;
        }
        // Exit even if a test left a thread behind: the run is over.
        System.exit(status);
    }

    static int run(String[] arguments, PrintStream out) {
        if (arguments.length == 0) {
            throw new WorkbenchError("no action: start, test, compare or serve");
        }
        Map<String, String> options = options(Arrays.copyOfRange(arguments, 1, arguments.length));
        Course course = Course.at(Path.of(required(options, "top")));
        Path workbench = Path.of(required(options, "workbench")).toAbsolutePath().normalize();
        switch (arguments[0]) {
            case "start" -> {
                new StartCommand(course, workbench, out).run(Point.parse(required(options, "point")),
                        isSet(options.get("force")));
                return 0;
            }
            case "compare" -> {
                new CompareCommand(course, workbench, out).run(Point.parse(required(options, "point")));
                return 0;
            }
            case "serve" -> {
                return new ServeCommand(course, workbench, out).run(ServerBuild.of(workbench, "served-classes",
                        libraries(options), options.getOrDefault("release", "21")), required(options, "port"));
            }
            case "test" -> {
                return new TestCommand(course, workbench, out).run(target(options), isSet(options.get("all")),
                        server(options));
            }
            default -> throw new WorkbenchError("unknown action " + arguments[0] + ": start, test, compare or serve");
        }
    }

    /** The command a student types for an action, as this system spells it: {@code -Dstage=3}. */
    static String command(String properties) {
        return command(properties, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    /**
     * The command for one system. On Windows it must work when pasted into PowerShell and into cmd.exe: PowerShell
     * runs nothing from the current folder without {@code .\} and splits an unquoted {@code -Dstage=3.2} at the dot;
     * double quotes mean the same to both.
     */
    static String command(String properties, boolean windows) {
        if (!windows) {
            return "./mvnw -q -pl workbench -am test " + properties;
        }
        return ".\\mvnw.cmd -q -pl workbench -am test " + String.join(" ",
                Arrays.stream(properties.split(" ")).map(property -> '"' + property + '"').toList());
    }

    /** {@code -Dstage=3}, {@code -Dstage=3 -Dstep=3.2}, or the short {@code -Dstage=3.2}. */
    private static Point target(Map<String, String> options) {
        Point stage = Point.parse(required(options, "stage"));
        String step = options.getOrDefault("step", "");
        if (step.isBlank()) {
            return stage;
        }
        Point point = Point.parse(step);
        if (point.isWholeStage() || point.stage() != stage.stage()
                || !stage.isWholeStage() && !stage.equals(point)) {
            throw new WorkbenchError("-Dstep=" + step + " must name a step of stage " + stage.stage() + ", such as "
                    + stage.stage() + ".1");
        }
        return point;
    }

    private static TestCommand.Server server(Map<String, String> options) {
        return new TestCommand.Server(environment("WORKBENCH_SERVER_COMMAND"), environment("WORKBENCH_SERVER_URL"),
                environment("WORKBENCH_SERVER_DIRECTORY"), libraries(options), options.getOrDefault("release", "21"));
    }

    private static List<Path> libraries(Map<String, String> options) {
        return Arrays.stream(options.getOrDefault("libraries", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }

    private static Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 1) {
                throw new WorkbenchError("expected name=value, got " + argument);
            }
            options.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new WorkbenchError("no " + name + "= given");
        }
        return value;
    }

    /**
     * Whether a flag such as {@code -Dall} is on. Maven gives a property named without a value the value "true";
     * the pom's default is "false".
     */
    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }
}
