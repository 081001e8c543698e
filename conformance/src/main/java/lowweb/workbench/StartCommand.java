package lowweb.workbench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code -Dstart=N} or {@code -Dstart=N.k}: puts the starting point of a stage or a step into the workbench, in place
 * of what is there. It refuses to overwrite a file the student wrote or changed since the last start, unless told to
 * with {@code -Dforce}.
 */
final class StartCommand {

    private static final int LISTED_AT_MOST = 20;

    private final Course course;
    private final Path workbench;
    private final PrintStream out;

    StartCommand(Course course, Path workbench, PrintStream out) {
        this.course = course;
        this.workbench = workbench;
        this.out = out;
    }

    void run(Point point, boolean force) {
        SourceTree start = course.startOf(point);
        SourceTree current = SourceTree.read(workbench);
        Optional<StartRecord> record = StartRecord.read(workbench);
        List<String> changes = record.map(written -> written.changesIn(current))
                .orElse(current.files().keySet().stream().map(path -> path + " (not written by a start)").toList());
        if (!changes.isEmpty() && !force) {
            throw new WorkbenchError(refusal(changes, record));
        }
        start.replace(workbench);
        StartRecord.of(point, start).write(workbench);
        report(point, start, force ? changes : List.of());
    }

    private String refusal(List<String> changes, Optional<StartRecord> record) {
        StringBuilder message = new StringBuilder("the workbench holds work of yours that a start would overwrite")
                .append(record.map(written -> " (it started at " + written.point() + ")").orElse("")).append(":\n");
        changes.stream().limit(LISTED_AT_MOST).forEach(change -> message.append("  ").append(change).append('\n'));
        if (changes.size() > LISTED_AT_MOST) {
            message.append("  and ").append(changes.size() - LISTED_AT_MOST).append(" more\n");
        }
        return message.append("Commit or copy them first. To replace them anyway, add -Dforce; to keep working on\n"
                + " them, test them with -Dstage instead of starting again.").toString();
    }

    private void report(Point point, SourceTree start, List<String> replaced) {
        Stage stage = course.stage(point.stage());
        String from = course.previous(stage).map(before -> before.name() + "'s code").orElse("an empty folder");
        if (!point.isWholeStage() && point.step() > 1) {
            from += " with step" + (point.step() > 2 ? "s " + point.stage() + ".1 to " : " ")
                    + point.stage() + "." + (point.step() - 1) + " done";
        }
        long sources = start.files().keySet().stream()
                .filter(path -> path.startsWith(SourceTree.SOURCES + "/")).count();
        String settings = start.get(SourceTree.SETTINGS) == null ? "" : " and its " + SourceTree.SETTINGS;
        String where = sources + " file" + (sources == 1 ? "" : "s") + " in " + course.shown(workbench) + "/"
                + SourceTree.SOURCES + settings;
        out.println("The workbench now starts " + (point.isWholeStage() ? "stage " : "step ") + point + ": " + from
                + ", " + where + ".");
        if (!replaced.isEmpty()) {
            out.println("It replaced what was there (-Dforce): " + String.join(", ", replaced));
        }
        if (stage.steps().isEmpty()) {
            return;
        }
        Step next = point.isWholeStage() ? stage.steps().getFirst() : course.step(point);
        out.println();
        out.println("Your " + (point.isWholeStage() ? "first " : "") + "step: " + next.heading());
        next.task().lines().forEach(line -> out.println("  " + line));
        out.println("  Read more: " + next.link());
        out.println();
        String test = point.isWholeStage() ? "-Dstage=" + point.stage()
                : "-Dstage=" + point.stage() + " -Dstep=" + point;
        out.println("Test it:     " + Workbench.command(test));
        out.println("Compare it:  " + Workbench.command("-Dcompare=" + point));
    }
}
