package lowweb.workbench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code -Dcompare=N} or {@code -Dcompare=N.k}: the student's change since the start, beside the solution's change
 * for the same steps (its step patches applied to the same start), then what still differs from the solution: the
 * stage's own folder, or its start with the patches up to step k. The diffs also go to files in
 * {@code workbench/target}, for an editor that colours them.
 */
final class CompareCommand {

    private final Course course;
    private final Path workbench;
    private final PrintStream out;

    CompareCommand(Course course, Path workbench, PrintStream out) {
        this.course = course;
        this.workbench = workbench;
        this.out = out;
    }

    void run(Point point) {
        Stage stage = course.stage(point.stage());
        Optional<StartRecord> record = StartRecord.read(workbench);
        Point start = record.map(StartRecord::point).filter(started -> started.stage() == point.stage())
                .orElse(point);
        if (record.isEmpty() || record.get().point().stage() != point.stage()) {
            out.println("The workbench did not start in stage " + point.stage() + " (" + record.map(
                    written -> "it started at " + written.point()).orElse("no start is recorded") + "): your change"
                    + " below is counted from " + describe(start) + ".");
        }
        SourceTree current = SourceTree.read(workbench);
        List<String> yours = Differences.between(course.startOf(start), current);
        List<String> left = Differences.between(current, course.solutionOf(point));
        int first = start.isWholeStage() ? 1 : start.step();
        int last = point.isWholeStage() ? stage.steps().size() : point.step();

        out.println("== Your change since " + describe(start) + " (" + count(yours) + "), also in "
                + write("your-change.diff", yours) + ":");
        print(yours, "(none yet)");
        out.println();
        if (first <= last) {
            // The steps' patches, one after another, make one change from the same start: shown as one diff, it
            // reads line for line beside the student's, while the patch files keep each step's part of it.
            List<String> solutions = Differences.between(course.startOf(start), course.solutionOf(point));
            out.println("== The solution's change for the same steps (" + count(solutions) + "), also in "
                    + write("solution-change.diff", solutions) + "; step by step in "
                    + course.shown(stage.folder().resolve("steps")) + ":");
            for (Step step : stage.steps().subList(first - 1, last)) {
                out.println("  " + step.number() + "  " + course.shown(step.patch()) + "  (" + step.title() + ")");
            }
            print(solutions, "(none)");
            out.println();
        }
        String solution = point.isWholeStage() ? "stage " + point.stage() + " (" + stage.name() + ")"
                : "step " + point + " done";
        out.println("== What still differs from " + solution + " (" + count(left) + "), also in "
                + write("still-differs.diff", left) + ":");
        print(left, "(nothing: the workbench holds exactly the solution)");
    }

    private String describe(Point start) {
        return start.isWholeStage() ? "the start of stage " + start : "the start of step " + start;
    }

    private static String count(List<String> diff) {
        long files = diff.stream().filter(line -> line.startsWith("diff --git ")).count();
        return files + " file" + (files == 1 ? "" : "s");
    }

    private void print(List<String> diff, String whenEmpty) {
        if (diff.isEmpty()) {
            out.println(whenEmpty);
        }
        diff.forEach(out::println);
    }

    private String write(String name, List<String> diff) {
        return course.writeReport(workbench, name, diff.stream().map(line -> line + "\n").collect(Collectors.joining()));
    }
}
