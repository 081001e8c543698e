package lowweb.conformance;

/**
 * How a server process that stopped by itself ended, for example one that refused its settings.
 *
 * @param code   the exit status
 * @param stdout everything it printed on standard output
 * @param stderr everything it printed on standard error
 */
public record Exit(int code, String stdout, String stderr) {
}
