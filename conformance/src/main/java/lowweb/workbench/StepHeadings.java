package lowweb.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stage's README says about each step: a heading {@code ### 3.1 Date and Server} in its Steps section, whose
 * first paragraph is the step's task.
 */
final class StepHeadings {

    /** What one heading says. */
    record Heading(String title, String task, String anchor) {
    }

    private static final Pattern HEADING = Pattern.compile("### (\\d+)\\.(\\d+) (.+)");

    private StepHeadings() {
    }

    /** The headings of stage {@code stage}'s steps in its README, by step number; empty without a README. */
    static Map<Integer, Heading> read(Path readme, int stage) {
        if (!Files.isRegularFile(readme)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
        Map<Integer, Heading> headings = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = HEADING.matcher(lines.get(i).strip());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == stage) {
                String text = lines.get(i).strip().substring("### ".length());
                headings.put(Integer.parseInt(matcher.group(2)),
                        new Heading(matcher.group(3), firstParagraph(lines, i + 1), anchor(text)));
            }
        }
        return headings;
    }

    /** The lines after the blank ones that follow a heading, up to the next blank line or heading. */
    private static String firstParagraph(List<String> lines, int from) {
        int at = from;
        while (at < lines.size() && lines.get(at).isBlank()) {
            at++;
        }
        List<String> paragraph = new ArrayList<>();
        while (at < lines.size() && !lines.get(at).isBlank() && !lines.get(at).startsWith("#")) {
            paragraph.add(lines.get(at).strip());
            at++;
        }
        return String.join("\n", paragraph);
    }

    /**
     * The anchor GitHub gives a heading, so that a link lands on it: lower case; every character that is not a
     * letter, a digit, a space, a hyphen or an underscore dropped; each space a hyphen. "3.2 Content-Length and
     * Connection: close" becomes "32-content-length-and-connection-close".
     */
    static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                anchor.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            }
        });
        return anchor.toString();
    }
}
