package lowweb.workbench;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two trees as a unified diff, made with java-diff-utils, in the shape of the step patches:
 * {@code a/src/main/...} before, {@code b/src/main/...} after, {@code /dev/null} for a file only one side has.
 * Lines are compared without their line separators, so a file an editor saved with CRLF differs only where its
 * text does. Files are read as UTF-8, the encoding of the course's sources.
 */
final class Differences {

    private static final int CONTEXT = 3;

    private Differences() {
    }

    /** The unified diff from {@code before} to {@code after}; empty when they hold the same text. */
    static List<String> between(SourceTree before, SourceTree after) {
        List<String> diff = new ArrayList<>();
        for (String path : before.differingPaths(after)) {
            List<String> original = lines(before.get(path));
            List<String> revised = lines(after.get(path));
            Patch<String> patch = DiffUtils.diff(original, revised);
            if (patch.getDeltas().isEmpty()) {
                continue;
            }
            String from = before.get(path) == null ? "/dev/null" : "a/" + path;
            String to = after.get(path) == null ? "/dev/null" : "b/" + path;
            diff.add("diff --git a/" + path + " b/" + path);
            diff.addAll(UnifiedDiffUtils.generateUnifiedDiff(from, to, original, patch, CONTEXT));
        }
        return diff;
    }

    private static List<String> lines(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }
}
