package lowweb.workbench;

import java.util.List;

/**
 * What one step's tests did, or that they did not run.
 *
 * @param step     the step
 * @param outcomes each of its tests, in the order they ran
 * @param ran      false when the run stopped before this step
 */
record StepResult(Step step, List<TestOutcome> outcomes, boolean ran) {

    /** How a step stands, as the summary's first column shows it. */
    enum Status {
        /** At least one test passed and none failed. */
        PASSED,
        FAILED,
        /** Every test of the step was skipped, for example because a running server cannot be given flags. */
        SKIPPED,
        /** The step has no tests of its own, as the steps of a stage that only makes the server faster. */
        NO_TESTS,
        NOT_RUN
    }

    StepResult {
        outcomes = List.copyOf(outcomes);
    }

    static StepResult notRun(Step step) {
        return new StepResult(step, List.of(), false);
    }

    long count(TestOutcome.Result result) {
        return outcomes.stream().filter(outcome -> outcome.result() == result).count();
    }

    List<TestOutcome> failures() {
        return outcomes.stream().filter(outcome -> outcome.result() == TestOutcome.Result.FAILED).toList();
    }

    Status status() {
        if (!ran) {
            return Status.NOT_RUN;
        }
        if (outcomes.isEmpty()) {
            return Status.NO_TESTS;
        }
        if (count(TestOutcome.Result.FAILED) > 0) {
            return Status.FAILED;
        }
        return count(TestOutcome.Result.PASSED) > 0 ? Status.PASSED : Status.SKIPPED;
    }

    /** "3 of 3 passed", "1 of 4 passed, 2 skipped", "no tests of its own", or nothing for a step not run. */
    String counts() {
        return switch (status()) {
            case NOT_RUN -> "";
            case NO_TESTS -> "no tests of its own";
            default -> count(TestOutcome.Result.PASSED) + " of " + outcomes.size() + " passed"
                    + (count(TestOutcome.Result.SKIPPED) > 0 ? ", " + count(TestOutcome.Result.SKIPPED) + " skipped"
                    : "");
        };
    }
}
