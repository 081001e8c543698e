package lowweb.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder the real-client tests serve from and write into, {@code target/real-clients/}: a copy of
 * {@code shared-site} in {@code site/} with a marker file inside, secrets beside it that no request may reach, the
 * server's settings and access log, and every program's output. It is emptied at the start of each run, so what it
 * holds afterwards is that run's alone.
 */
final class PlantedSite {

    static final Path FOLDER = ClientProgram.OUTPUT;
    /** The file planted inside the served copy, which proves the server serves this copy. */
    static final String MARKER = "/inside-marker.txt";

    private PlantedSite() {
    }

    /**
     * Empties the folder and plants the site: the marker holds {@code secret + " inside the root"}, and every file
     * outside the root holds {@code secret} too, so a body with it came from where no request may reach.
     */
    static void plant(String secret) {
        try {
            deleteAll();
            Path site = FOLDER.resolve("site");
            copy(ServerExtension.sharedSite(), site);
            Files.writeString(site.resolve(MARKER.substring(1)), markerText(secret));
            // Outside the root, with allowed extensions, so that a refusal by file type cannot hide a traversal.
            Files.writeString(FOLDER.resolve("secret.txt"), secret + " outside the root\n");
            Files.writeString(FOLDER.resolve("secret.html"), "<p>" + secret + " outside the root</p>\n");
            // A sibling whose name starts with the root's: a comparison of path strings by prefix lets it through.
            Files.createDirectories(FOLDER.resolve("site-private"));
            Files.writeString(FOLDER.resolve("site-private/secret.txt"), secret + " in a sibling of the root\n");
            // Links inside the root that lead out of it, where the file system has them.
            symbolicLink(site.resolve("outside.txt"), Path.of("../secret.txt"));
            symbolicLink(site.resolve("outside"), Path.of(".."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markerText(String secret) {
        return secret + " inside the root\n";
    }

    /** Writes the server's settings, with paths relative to the folder, and returns the file. */
    static Path settings(String json) {
        try {
            return Files.writeString(FOLDER.resolve("settings.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        return FOLDER.resolve(name);
    }

    /** The file as text, or empty when it does not exist: curl writes no file for an empty body. */
    static String text(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the folder: the walk does not follow links, so a planted link goes, and not what it leads to. */
    private static void deleteAll() throws IOException {
        if (Files.exists(FOLDER)) {
            try (Stream<Path> paths = Files.walk(FOLDER)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(FOLDER);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    /** A link that leads out of the root; where the file system has no links, the paths through it just miss. */
    private static void symbolicLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            // The traversal attempts through the link then ask for a file that does not exist, which is no leak.
        }
    }
}
