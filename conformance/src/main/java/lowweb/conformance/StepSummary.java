package lowweb.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, at the end of a test run, which step each result belongs to: one line a step with how many of its tests
 * passed, and the name of every one that failed. A student working through a stage step by step sees at once which
 * step is done and which is not. Tests without a step tag are not counted here; the run's own report has them all.
 *
 * <p>The JUnit Platform finds this listener by itself (it is named in {@code META-INF/services}), whichever tool
 * runs the tests: Maven, an IDE or the console launcher.
 */
public final class StepSummary implements TestExecutionListener {

    /** What one step's tests did: how many passed, and the names of those that did not. */
    private record Outcome(int passed, List<String> failed) {
    }

    private final Map<String, Outcome> steps = new ConcurrentHashMap<>();
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        steps.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, false);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            record(test, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (steps.isEmpty()) {
            return;
        }
        StringBuilder summary = new StringBuilder("\nTests by step:\n");
        // step2.10 after step2.9: compare the numbers, not the text.
        Map<List<Integer>, String> ordered = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        for (String step : steps.keySet()) {
            String[] numbers = step.substring("step".length()).split("\\.");
            ordered.put(List.of(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1])), step);
        }
        for (String step : ordered.values()) {
            Outcome outcome = steps.get(step);
            int total = outcome.passed() + outcome.failed().size();
            summary.append("  ").append(step.substring("step".length())).append(": ").append(outcome.passed())
                    .append(" of ").append(total).append(" passed").append(outcome.failed().isEmpty() ? "" : ", not:")
                    .append('\n');
            for (String name : outcome.failed()) {
                summary.append("      ").append(name).append('\n');
            }
        }
        System.out.print(summary);
    }

    /** A skipped test counts as not passed: a step is done only when its tests ran and passed. */
    private void record(TestIdentifier test, boolean passed) {
        Optional<String> step = stepOf(test);
        if (step.isEmpty()) {
            return;
        }
        steps.compute(step.get(), (key, outcome) -> {
            Outcome before = outcome == null ? new Outcome(0, List.of()) : outcome;
            if (passed) {
                return new Outcome(before.passed() + 1, before.failed());
            }
            List<String> failed = new ArrayList<>(before.failed());
            failed.add(nameOf(test));
            return new Outcome(before.passed(), failed);
        });
    }

    /** The step tag of the test, or of the method it is an invocation of (a parameterized test's cases). */
    private Optional<String> stepOf(TestIdentifier test) {
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            for (TestTag tag : at.get().getTags()) {
                if (tag.getName().matches("step\\d+\\.\\d+")) {
                    return Optional.of(tag.getName());
                }
            }
        }
        return Optional.empty();
    }

    /** The class's name and the test's, as a report names them: "PathSafetyTest climbingOut(...)[2]". */
    private String nameOf(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            if (at.get().getParentId().isPresent()) {
                names.addFirst(at.get().getLegacyReportingName());
            }
        }
        if (!names.isEmpty()) {
            names.set(0, names.getFirst().substring(names.getFirst().lastIndexOf('.') + 1));
        }
        return String.join(" ", names);
    }
}
