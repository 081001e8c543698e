package lowweb.workbench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the course as a student names it: a whole stage, {@code 3}, or one of its steps, {@code 3.2}.
 *
 * @param stage the stage's number
 * @param step  the step's number within the stage, counted from 1; 0 for the whole stage
 */
record Point(int stage, int step) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,2})(?:\\.(\\d{1,2}))?");

    static Point parse(String text) {
        Matcher matcher = SYNTAX.matcher(text.strip());
        if (!matcher.matches()) {
            throw new WorkbenchError("\"" + text + "\" names no stage or step: write 3 for stage 3, or 3.2 for its"
                    + " second step");
        }
        int step = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        if (step == 0 && matcher.group(2) != null) {
            throw new WorkbenchError("\"" + text + "\": steps are counted from 1, so the first step of stage "
                    + matcher.group(1) + " is " + matcher.group(1) + ".1");
        }
        return new Point(Integer.parseInt(matcher.group(1)), step);
    }

    boolean isWholeStage() {
        return step == 0;
    }

    @Override
    public String toString() {
        return isWholeStage() ? Integer.toString(stage) : stage + "." + step;
    }
}
