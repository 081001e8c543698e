package lowweb.conformance;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The files a test serves: small sites and large files written into the test's own folder, symbolic links, and the
 * bytes of {@code shared-site}'s files to compare responses with.
 */
final class Sites {

    /** Characters that Windows allows in no file name; names with them test what other systems allow. */
    private static final String NOT_IN_WINDOWS_NAMES = "<>:\"\\|?*";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private Sites() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code relative} under {@code folder}, making the folders on the way; skips the
     * test on Windows when a name has a character Windows does not allow in one ({@code a:b} would even name a folder
     * on drive A).
     */
    static Path write(Path folder, String relative, String text) {
        if (WINDOWS && relative.chars().anyMatch(c -> NOT_IN_WINDOWS_NAMES.indexOf(c) >= 0)) {
            abort("skipped: Windows allows none of " + NOT_IN_WINDOWS_NAMES + " in a file name: " + relative);
        }
        try {
            Path file = folder.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code dir/site} with the given files, written as a table of path and text:
     * {@code site(dir, "index.html", "<p>home</p>", "docs/a.txt", "a")}.
     */
    static Path site(Path dir, String... pathsAndTexts) {
        Path site = dir.resolve("site");
        for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) {
            write(site, pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return site;
    }

    /** Writes {@code size} bytes that never repeat a short pattern, so a lost or doubled block cannot go unseen. */
    static Path largeFile(Path file, long size) {
        Random random = new Random(size);
        byte[] block = new byte[1 << 20];
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < size; written += block.length) {
                    random.nextBytes(block);
                    out.write(block, 0, (int) Math.min(block.length, size - written));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code link} a symbolic link to {@code target}, or skips the test where links cannot be made. */
    static void symbolicLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            abort("skipped: this file system cannot make symbolic links: " + e);
        }
    }

    /** The bytes of the file in {@code shared-site} that a target without percent-escapes names. */
    static byte[] siteFile(String target) {
        try {
            return Files.readAllBytes(ServerExtension.sharedSite().resolve(target.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
