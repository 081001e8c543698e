package lowweb.workbench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.TagFilter.includeTags;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the conformance tests of one step at a time, those tagged with the step's tag, through the JUnit Platform's
 * launcher, in this JVM. The tests find the server to start in the system properties the suite always reads
 * ({@code server.command}, {@code server.url}, {@code server.directory}, {@code site.root}).
 */
final class StepRunner implements AutoCloseable {

    private static final String SUITE = "lowweb.conformance";

    private final LauncherSession session;

    StepRunner() {
        // The suite's own listener, StepSummary, would print a summary after every step: this runner writes one.
        session = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    StepResult run(Step step) {
        Launcher launcher = session.getLauncher();
        Outcomes outcomes = new Outcomes();
        launcher.execute(request().selectors(selectPackage(SUITE)).filters(includeTags(step.tag())).build(),
                outcomes);
        return new StepResult(step, outcomes.list, true);
    }

    @Override
    public void close() {
        session.close();
    }

    /** Collects what each test did, in the order the tests ran. */
    private static final class Outcomes implements TestExecutionListener {

        private final List<TestOutcome> list = new ArrayList<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                add(test, TestOutcome.Result.SKIPPED, reason);
            } else {
                // A skipped class skips its tests without reporting each one.
                plan.getDescendants(test).stream().filter(TestIdentifier::isTest)
                        .forEach(each -> add(each, TestOutcome.Result.SKIPPED, reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    if (test.isTest()) {
                        add(test, TestOutcome.Result.PASSED, "");
                    }
                }
                case ABORTED -> add(test, TestOutcome.Result.SKIPPED, message(result));
                // A class that fails before its tests (its server, say) reports no test: it counts as one failure.
                case FAILED -> add(test, TestOutcome.Result.FAILED, message(result));
            }
        }

        private void add(TestIdentifier test, TestOutcome.Result result, String detail) {
            list.add(new TestOutcome(nameOf(test), descriptionOf(test), result, detail));
        }

        /** "ResponseHeadersTest#date", with the case of a parameterized test: "... [2] img/large.png". */
        private String nameOf(TestIdentifier test) {
            Optional<TestSource> source = test.getSource();
            if (source.isPresent() && source.get() instanceof MethodSource method) {
                String name = simpleName(method.getClassName()) + "#" + method.getMethodName();
                return isCase(test) ? name + " " + test.getDisplayName() : name;
            }
            if (source.isPresent() && source.get() instanceof ClassSource type) {
                return simpleName(type.getClassName());
            }
            return test.getDisplayName();
        }

        /** The display name says what a test checks; a parameterized test's is on the method, above its cases. */
        private String descriptionOf(TestIdentifier test) {
            return isCase(test) ? plan.getParent(test).orElseThrow().getDisplayName() : test.getDisplayName();
        }

        private boolean isCase(TestIdentifier test) {
            return plan.getParent(test).flatMap(TestIdentifier::getSource)
                    .filter(MethodSource.class::isInstance).isPresent();
        }

        private static String simpleName(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        /**
         * The failure's message, which the suite fills with the bytes sent and received. A failure that is not an
         * assertion, such as a connection reset, also names its kind.
         */
        private static String message(TestExecutionResult result) {
            Throwable failure = result.getThrowable().orElse(null);
            if (failure == null) {
                return "";
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            String kind = cause instanceof AssertionError ? "" : cause.getClass().getName() + ": ";
            return kind + (failure.getMessage() == null ? "" : failure.getMessage());
        }
    }
}
