package lowweb.workbench;

import java.io.PrintStream;

/**
 * How the summary marks a step: ✓ and ✗ where the output can show them, words where it cannot, as on a console
 * whose code page has no such signs. A markdown file is UTF-8 and always gets the signs.
 */
record Marks(String passed, String failed, String skipped, String noTests, String notRun) {

    static final Marks SIGNS = new Marks("✓", "✗", "–", "–", "not run");
    static final Marks WORDS = new Marks("ok", "FAILED", "-", "-", "not run");

    static Marks forOutput(PrintStream out) {
        return out.charset().newEncoder().canEncode(SIGNS.passed() + SIGNS.failed() + SIGNS.skipped()) ? SIGNS
                : WORDS;
    }

    String of(StepResult.Status status) {
        return switch (status) {
            case PASSED -> passed;
            case FAILED -> failed;
            case SKIPPED -> skipped;
            case NO_TESTS -> noTests;
            case NOT_RUN -> notRun;
        };
    }
}
