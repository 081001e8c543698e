package lowweb.workbench;

/**
 * What one test did.
 *
 * @param name        class, method and, for a parameterized test, its case: "PathSafetyTest#climbingOut [2] /.."
 * @param description what the test checks, its display name
 * @param result      how it ended
 * @param detail      for a failure, the message with the bytes sent and received; for a skip, the reason
 */
record TestOutcome(String name, String description, Result result, String detail) {

    enum Result {
        PASSED, FAILED, SKIPPED
    }
}
