package lowweb.workbench;

import java.nio.file.Path;

/**
 * One step of a stage: its patch, and what its README heading says about it.
 *
 * @param stage   the number of its stage
 * @param index   its number within the stage, from 1
 * @param title   the heading's text after the number: "Date and Server"
 * @param task    the first paragraph under the heading, which says what to do, as the README's lines
 * @param patch   the step's solution, {@code stageN-*}/steps/NN-slug.diff
 * @param link    where its README section is, from the repository's top: stage3-headers/README.md#31-date-and-server
 */
record Step(int stage, int index, String title, String task, Path patch, String link) {

    /** The tag its conformance tests carry. */
    String tag() {
        return "step" + number();
    }

    /** "3.1" */
    String number() {
        return stage + "." + index;
    }

    Point point() {
        return new Point(stage, index);
    }

    /** "3.1 Date and Server" */
    String heading() {
        return number() + " " + title;
    }
}
