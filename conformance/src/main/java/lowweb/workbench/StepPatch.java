package lowweb.workbench;

import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffParserException;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a step's patch, a unified diff as {@code git diff} writes it, to a {@link SourceTree}: in Java, with
 * java-diff-utils, so that no {@code git} or {@code patch} program is needed. Every hunk must match its lines
 * exactly where it says, as {@code git apply} requires by default.
 */
final class StepPatch {

    private static final String NO_FILE = "/dev/null";

    private StepPatch() {
    }

    static SourceTree apply(SourceTree tree, Path patch) {
        String text;
        try {
            // One character a byte: see parse.
            text = new String(Files.readAllBytes(patch), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + patch, e);
        }
        UnifiedDiff diff = parse(text, patch.getFileName().toString());
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        SourceTree result = tree;
        for (UnifiedDiffFile file : diff.getFiles()) {
            result = apply(result, file, patch, separator);
        }
        return result;
    }

    private static SourceTree apply(SourceTree tree, UnifiedDiffFile file, Path patch, String separator) {
        String from = file.getFromFile();
        String to = file.getToFile();
        String name = patch.getFileName().toString();
        if (file.getBinaryAdded() != null || file.getBinaryDeleted() != null || file.getBinaryEdited() != null) {
            throw new WorkbenchError(name + " changes a binary file, " + to + ", which the workbench cannot apply");
        }
        if (file.isNoNewLineAtTheEndOfTheFile()) {
            // The reader does not say which side lacks the final line end, so the result could not be exact.
            throw new WorkbenchError(name + ": " + to + " has a line without a line end at its end, which the"
                    + " workbench cannot apply exactly");
        }
        boolean created = NO_FILE.equals(from);
        if (!created && tree.get(from) == null) {
            throw new WorkbenchError(name + " changes " + from + ", which is not there");
        }
        if (created && tree.get(to) != null) {
            throw new WorkbenchError(name + " creates " + to + ", which is there already");
        }
        // A new file takes the patch's own line separator: a checkout that turned LF into CRLF did so for both.
        TextLines before = created ? new TextLines(List.of(), separator, true)
                : TextLines.of(tree.get(from), separator);
        List<String> after;
        try {
            after = file.getPatch().applyTo(new ArrayList<>(before.lines()));
        } catch (PatchFailedException e) {
            throw new WorkbenchError(name + " does not apply to " + from + ": " + e.getMessage(), e);
        }
        SourceTree result = created ? tree : tree.without(from);
        return NO_FILE.equals(to) ? result : result.with(to, before.with(after).bytes());
    }

    /**
     * The patch as java-diff-utils reads it. Its reader decodes bytes with the JVM's default charset; it gets the
     * patch's bytes as ISO-8859-1 characters, encoded in that charset, so that every line it returns holds exactly
     * the bytes of the patch, one character a byte, as {@link TextLines} reads the files.
     */
    private static UnifiedDiff parse(String text, String name) {
        Charset charset = Charset.defaultCharset();
        byte[] encoded = text.getBytes(charset);
        if (!new String(encoded, charset).equals(text)) {
            throw new WorkbenchError("the JVM's default charset, " + charset + ", cannot carry the bytes of "
                    + name + "; run it with -Dfile.encoding=UTF-8");
        }
        try {
            return UnifiedDiffReader.parseUnifiedDiff(new ByteArrayInputStream(encoded));
        } catch (IOException | UnifiedDiffParserException e) {
            throw new WorkbenchError(name + " is not a patch the workbench can read: "
                    + e.getMessage(), e);
        }
    }
}
