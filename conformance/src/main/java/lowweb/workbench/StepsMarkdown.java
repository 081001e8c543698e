package lowweb.workbench;

import java.util.List;

/**
 * The summary of a run as markdown, for {@code workbench/target/steps.md}: a table of the steps, the next step's
 * task, and every failed test with the bytes it sent and received. Links are relative to that file, so they open
 * the stages' READMEs in an editor's preview and on GitHub alike.
 */
final class StepsMarkdown {

    private static final String FROM_TARGET = "../../";

    private StepsMarkdown() {
    }

    static String of(String title, String server, List<StepResult> results, String note) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n").append(server).append("\n\n");
        md.append("| | Step | Tests |\n|---|---|---|\n");
        for (StepResult result : results) {
            md.append("| ").append(Marks.SIGNS.of(result.status())).append(" | ").append(link(result.step()))
                    .append(" | ").append(result.counts()).append(" |\n");
        }
        md.append('\n').append(note).append('\n');
        List<StepResult> failed = results.stream()
                .filter(result -> result.status() == StepResult.Status.FAILED).toList();
        if (!failed.isEmpty()) {
            Step next = failed.getFirst().step();
            md.append("\n## Next: ").append(link(next)).append("\n\n").append(next.task().replace('\n', ' '))
                    .append("\n\n## Tests that failed\n");
            for (StepResult result : failed) {
                for (TestOutcome outcome : result.failures()) {
                    md.append("\n### ").append(result.step().number()).append(": `").append(outcome.name())
                            .append("`\n\n").append(outcome.description()).append("\n\n~~~~\n")
                            .append(outcome.detail().replace("~~~~", "~ ~ ~ ~")).append("\n~~~~\n");
                }
            }
        }
        return md.toString();
    }

    private static String link(Step step) {
        return "[" + step.heading().replace("|", "\\|").replace("[", "\\[").replace("]", "\\]") + "]("
                + FROM_TARGET + step.link() + ")";
    }
}
