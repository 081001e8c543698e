package lowweb.workbench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code -Dstage=N}, optionally with {@code -Dstep=N.k}: builds the workbench's server and runs the conformance tests
 * of every step up to there against it, one step at a time and in the course's order, stopping at the first step
 * that fails ({@code -Dall} runs them all, to grade a server). With {@code -Dserver.command} or {@code -Dserver.url}
 * the same run tests any server, and nothing is compiled. The summary goes to the console and to
 * {@code workbench/target/steps.md}.
 */
final class TestCommand {

    /** Failing tests named under a step in the console's summary; steps.md names them all. */
    private static final int NAMES_PER_STEP = 3;
    /** Lines of one failure's detail on the console; steps.md has all of it. */
    private static final int DETAIL_LINES = 150;

    /**
     * The server to test.
     *
     * @param command   {@code -Dserver.command}, a command that starts any server
     * @param url       {@code -Dserver.url}, a server that already runs
     * @param directory {@code -Dserver.directory}, where the server starts; the workbench's folder otherwise
     * @param libraries what the workbench's server compiles and runs with: Gson
     * @param release   the Java release it compiles for
     */
    record Server(Optional<String> command, Optional<String> url, Optional<String> directory, List<Path> libraries,
                  String release) {
    }

    private final Course course;
    private final Path workbench;
    private final PrintStream out;
    private final Marks marks;

    TestCommand(Course course, Path workbench, PrintStream out) {
        this.course = course;
        this.workbench = workbench;
        this.out = out;
        this.marks = Marks.forOutput(out);
    }

    /** Returns the exit status: 0 when no step failed, {@link Workbench#STEP_FAILED} otherwise. */
    int run(Point target, boolean all, Server server) {
        List<Step> steps = course.stepsUpTo(target);
        String upTo = "the steps up to " + (target.isWholeStage() ? steps.getLast().number() + ", the end of stage "
                + target : target);
        Optional<String> against = prepare(server);
        if (against.isEmpty()) {
            List<StepResult> results = steps.stream().map(StepResult::notRun).toList();
            write(StepsMarkdown.of("Tests of " + upTo, "The workbench's server does not compile; no test ran.",
                    results, ""));
            return Workbench.STEP_FAILED;
        }
        out.println("Testing " + against.get());
        out.println("with the tests of " + upTo + ", one step at a time"
                + (all ? ", every step (-Dall):" : ", up to the first that fails:"));
        List<StepResult> results = new ArrayList<>();
        try (StepRunner runner = new StepRunner()) {
            boolean stopped = false;
            for (Step step : steps) {
                StepResult result = stopped ? StepResult.notRun(step) : runner.run(step);
                stopped |= !all && result.status() == StepResult.Status.FAILED;
                results.add(result);
                printLine(result);
            }
        }
        List<StepResult> failed = results.stream()
                .filter(result -> result.status() == StepResult.Status.FAILED).toList();
        String note = done(results, failed, all);
        out.println(note);
        failed.stream().limit(all ? failed.size() : 1).forEach(this::printFailure);
        String file = write(StepsMarkdown.of("Tests of " + upTo, "Server: " + against.get() + ".", results, note));
        out.println();
        out.println("The summary is also in " + file + (failed.isEmpty() ? "." : ", with every failed test in full."));
        return failed.isEmpty() ? 0 : Workbench.STEP_FAILED;
    }

    /**
     * Points the suite at the server through the system properties it reads, compiling the workbench's own server
     * first; says what is tested, or nothing when the server does not compile.
     */
    private Optional<String> prepare(Server server) {
        System.setProperty("site.root", course.top().resolve("shared-site").toString());
        System.setProperty("server.directory", server.directory().orElse(workbench.toString()));
        if (server.url().isPresent()) {
            System.setProperty("server.url", server.url().get());
            return Optional.of("the server at " + server.url().get());
        }
        if (server.command().isPresent()) {
            System.setProperty("server.command", server.command().get());
            return Optional.of("the server of `" + server.command().get() + "`");
        }
        ServerBuild build = ServerBuild.of(workbench, "server-classes", server.libraries(), server.release());
        if (build.javaFiles().isEmpty()) {
            out.println(course.shown(build.sources()) + " holds no Java file yet: the tests will find no server to"
                    + " start. Begin with lowweb/Main.java, or start from a step: " + Workbench.command("-Dstart=1.1"));
        } else {
            List<String> errors = build.compile();
            if (!errors.isEmpty()) {
                out.println("The workbench's server does not compile, so no test ran:");
                errors.forEach(out::println);
                return Optional.empty();
            }
        }
        // Quoted, since the suite splits the command at spaces and a folder's name may hold one.
        System.setProperty("server.command", "{java} -cp \"" + build.classPath() + "\" lowweb.Main {args}");
        return Optional.of("the workbench's server (" + course.shown(build.sources()) + ")");
    }

    private void printLine(StepResult result) {
        out.println(String.format("  %-7s %-5s %-28s %s", marks.of(result.status()), result.step().number(),
                result.counts(), result.step().title()));
        List<TestOutcome> failures = result.failures();
        failures.stream().limit(NAMES_PER_STEP).forEach(failure -> out.println("                "
                + marks.failed() + " " + failure.name()));
        if (failures.size() > NAMES_PER_STEP) {
            out.println("                  and " + (failures.size() - NAMES_PER_STEP) + " more");
        }
    }

    private static String done(List<StepResult> results, List<StepResult> failed, boolean all) {
        long passed = results.stream().filter(result -> result.status() == StepResult.Status.PASSED
                || result.status() == StepResult.Status.NO_TESTS).count();
        String count = passed + " of " + results.size() + " steps pass";
        if (failed.isEmpty()) {
            return count + ".";
        }
        return count + (all ? "; " + failed.size() + " fail." : "; the run stopped at the first step that failed"
                + " (-Dall runs every step).");
    }

    private void printFailure(StepResult result) {
        Step step = result.step();
        TestOutcome first = result.failures().getFirst();
        out.println();
        out.println("Step " + step.heading() + " fails" + (step.task().isEmpty() ? "." : ". Its task:"));
        step.task().lines().forEach(line -> out.println("  " + line));
        out.println("  Read more: " + step.link());
        out.println();
        out.println("The first test that failed: " + first.name());
        out.println("  " + first.description());
        List<String> lines = first.detail().lines().toList();
        lines.stream().limit(DETAIL_LINES).forEach(out::println);
        if (lines.size() > DETAIL_LINES) {
            out.println("... (" + (lines.size() - DETAIL_LINES) + " more lines in workbench/target/steps.md)");
        }
    }

    private String write(String markdown) {
        return course.writeReport(workbench, "steps.md", markdown);
    }
}
