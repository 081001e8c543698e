package lowweb.conformance;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The server processes started in one scope (a test class or a test), stopped when JUnit closes that scope. */
final class ServerRegistry implements ExtensionContext.Store.CloseableResource {

    private final List<ServerProcess> processes = new ArrayList<>();

    synchronized void add(ServerProcess process) {
        processes.add(process);
    }

    synchronized String reports() {
        StringBuilder out = new StringBuilder();
        for (ServerProcess process : processes) {
            out.append(process.report()).append('\n');
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        processes.forEach(ServerProcess::close);
        processes.clear();
    }
}
