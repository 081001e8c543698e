package lowweb.conformance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Gives tests a {@link TestServer} (the stage's server on {@code shared-site}, started once per test class) and
 * {@link Servers} (for servers with a folder or flags of the test's own). When a test fails, its message gets the
 * bytes it sent and received, a command that reproduces each request, and the server's output; bodies compared in
 * an assertion show as the transcript shows them ({@link BytesRepresentation}).
 */
public final class ServerExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerExtension.class);

    /** The folder of the sample site, which the default server serves and tests compare against. */
    public static Path sharedSite() {
        Path root = Path.of(System.getProperty("site.root", "../shared-site")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared-site not found at " + root + "; set -Dsite.root=DIR");
        }
        return root;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Assertions.useRepresentation(BytesRepresentation.INSTANCE);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestServer.class || type == Servers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Transcript transcript = transcript(context);
        if (parameter.getParameter().getType() == Servers.class) {
            return new Servers(LaunchCommand.fromSystemProperties(), transcript, registry(context));
        }
        Endpoint endpoint = classStore(context).getOrComputeIfAbsent(Endpoint.class,
                key -> startDefault(context), Endpoint.class);
        return new TestServer(endpoint.host(), endpoint.port(), endpoint.root(), transcript, endpoint.process());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TestAbortedException) {
            throw failure;
        }
        StringBuilder details = new StringBuilder(String.valueOf(failure.getMessage()));
        Transcript transcript = transcript(context);
        if (!transcript.isEmpty()) {
            details.append("\n\n=== bytes on the wire ===\n").append(transcript);
        }
        String reports = classRegistry(context).reports() + registry(context).reports();
        if (!reports.isBlank()) {
            details.append("\n\n=== servers ===").append(reports);
        }
        AssertionError explained = new AssertionError(details.toString(), failure);
        explained.setStackTrace(failure.getStackTrace());
        throw explained;
    }

    private Endpoint startDefault(ExtensionContext context) {
        Path site = sharedSite();
        var url = LaunchCommand.runningServerUrl();
        if (url.isPresent()) {
            URI uri = URI.create(url.get());
            return new Endpoint(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), site, null);
        }
        // The class-level server outlives each test, so its process belongs to the class's registry.
        Servers servers = new Servers(LaunchCommand.fromSystemProperties(), new Transcript(), classRegistry(context));
        TestServer server = servers.serving(site);
        return new Endpoint(server.host(), server.port(), site, servers.lastProcess());
    }

    private static Transcript transcript(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Transcript.class, key -> new Transcript(),
                Transcript.class);
    }

    /**
     * The servers one test started, stopped when the test ends. Its key differs from the class's registry on purpose:
     * a JUnit store also looks up its parents' stores, and would otherwise hand every test the class's registry.
     */
    private static ServerRegistry registry(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("test servers", key -> new ServerRegistry(),
                ServerRegistry.class);
    }

    private static ServerRegistry classRegistry(ExtensionContext context) {
        return classStore(context).getOrComputeIfAbsent("class servers", key -> new ServerRegistry(),
                ServerRegistry.class);
    }

    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE);
    }

    /** Where the class's default server listens; {@code process} is null for a server the suite did not start. */
    private record Endpoint(String host, int port, Path root, ServerProcess process) {
    }
}
