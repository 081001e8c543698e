package lowweb.workbench;

import java.nio.file.Path;
import java.util.List;

/**
 * One stage of the course.
 *
 * @param number its number, from its folder's name
 * @param folder the stage's folder, such as stage3-headers, which holds the finished stage: the solution
 * @param steps  its steps in order
 */
record Stage(int number, Path folder, List<Step> steps) {

    Stage {
        steps = List.copyOf(steps);
    }

    String name() {
        return folder.getFileName().toString();
    }

    /** Step {@code index}, counted from 1. */
    Step step(int index) {
        if (index < 1 || index > steps.size()) {
            throw new WorkbenchError("stage " + number + " has " + (steps.isEmpty() ? "no steps"
                    : "steps " + number + ".1 to " + number + "." + steps.size()) + "; there is no step "
                    + number + "." + index);
        }
        return steps.get(index - 1);
    }
}
