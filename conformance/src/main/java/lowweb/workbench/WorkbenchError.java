package lowweb.workbench;

/**
 * Something the student can act on: a point that names no step, files that would be overwritten, a patch that does
 * not apply. The workbench prints the message alone, without a stack trace, and stops.
 */
final class WorkbenchError extends RuntimeException {

    WorkbenchError(String message) {
        super(message);
    }

    WorkbenchError(String message, Throwable cause) {
        super(message, cause);
    }
}
