package lowweb.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The course as this repository holds it: a folder for each stage with the finished stage in it, and the stage's
 * steps as patches in {@code steps/NN-slug.diff}, each described under a heading of the stage's README. Applied in
 * order to the stage before (stage 1: to nothing), a stage's patches give the stage itself, byte for byte.
 *
 * @param top    the repository's top folder
 * @param stages every stage, in order
 */
record Course(Path top, List<Stage> stages) {

    private static final Pattern STAGE_FOLDER = Pattern.compile("stage(\\d+)-.+");
    private static final Pattern PATCH = Pattern.compile("(\\d\\d)-(.+)\\.diff");

    Course {
        stages = List.copyOf(stages);
    }

    static Course at(Path repository) {
        Path top = repository.toAbsolutePath().normalize();
        List<Stage> stages = new ArrayList<>();
        for (Path folder : list(top)) {
            Matcher matcher = STAGE_FOLDER.matcher(folder.getFileName().toString());
            if (Files.isDirectory(folder) && matcher.matches()) {
                int number = Integer.parseInt(matcher.group(1));
                stages.add(new Stage(number, folder, steps(top, folder, number)));
            }
        }
        stages.sort(Comparator.comparingInt(Stage::number));
        if (stages.isEmpty()) {
            throw new WorkbenchError("no stage folders (stage1-echo, ...) in " + top);
        }
        return new Course(top, stages);
    }

    private static List<Step> steps(Path top, Path folder, int stage) {
        Path steps = folder.resolve("steps");
        if (!Files.isDirectory(steps)) {
            return List.of();
        }
        Map<Integer, StepHeadings.Heading> headings = StepHeadings.read(folder.resolve("README.md"), stage);
        List<Path> patches = list(steps).stream()
                .filter(patch -> PATCH.matcher(patch.getFileName().toString()).matches())
                .sorted(Comparator.comparing(patch -> patch.getFileName().toString()))
                .toList();
        List<Step> result = new ArrayList<>();
        for (Path patch : patches) {
            int index = result.size() + 1;
            StepHeadings.Heading heading = headings.get(index);
            String readme = folder.getFileName() + "/README.md";
            if (heading == null) {
                // A README without the heading still leaves a usable step: named after its patch.
                Matcher matcher = PATCH.matcher(patch.getFileName().toString());
                matcher.matches();
                result.add(new Step(stage, index, matcher.group(2).replace('-', ' '), "", patch, readme + "#steps"));
            } else {
                result.add(new Step(stage, index, heading.title(), heading.task(), patch,
                        readme + "#" + heading.anchor()));
            }
        }
        return result;
    }

    Stage stage(int number) {
        return stages.stream().filter(stage -> stage.number() == number).findFirst()
                .orElseThrow(() -> new WorkbenchError("there is no stage " + number + ": the course has stages "
                        + stages.getFirst().number() + " to " + stages.getLast().number()));
    }

    Optional<Stage> previous(Stage stage) {
        int index = stages.indexOf(stage);
        return index > 0 ? Optional.of(stages.get(index - 1)) : Optional.empty();
    }

    /** The step a point names; a whole stage names no single step. */
    Step step(Point point) {
        return stage(point.stage()).step(point.step());
    }

    /**
     * Where a student starts: for a stage, the previous stage's files (stage 1: none); for step k of it, those and
     * the patches of steps 1 to k - 1.
     */
    SourceTree startOf(Point point) {
        Stage stage = stage(point.stage());
        int applied = point.isWholeStage() ? 0 : stage.step(point.step()).index() - 1;
        return afterSteps(stage, applied);
    }

    /** What the point asks for once done: the stage's own folder, or its start with the patches up to step k. */
    SourceTree solutionOf(Point point) {
        Stage stage = stage(point.stage());
        return point.isWholeStage() ? SourceTree.read(stage.folder())
                : afterSteps(stage, stage.step(point.step()).index());
    }

    /** The previous stage with the first {@code count} patches of this stage applied. */
    SourceTree afterSteps(Stage stage, int count) {
        SourceTree tree = previous(stage).map(before -> SourceTree.read(before.folder())).orElse(SourceTree.EMPTY);
        for (Step step : stage.steps().subList(0, count)) {
            tree = StepPatch.apply(tree, step.patch());
        }
        return tree;
    }

    /**
     * The steps whose tests a server of this point must pass, in order: for stage 1, its own steps; for any other
     * stage, every step of stages 2 to N - 1 and stage N's up to the point's (all of them for a whole stage). Stage
     * 1's echo server is not HTTP, so its tests stop applying at stage 2.
     */
    List<Step> stepsUpTo(Point point) {
        Stage last = stage(point.stage());
        int count = point.isWholeStage() ? last.steps().size() : last.step(point.step()).index();
        List<Step> steps = new ArrayList<>();
        for (Stage stage : stages) {
            if (stage.number() >= 2 && stage.number() < last.number()) {
                steps.addAll(stage.steps());
            }
        }
        steps.addAll(last.steps().subList(0, count));
        return steps;
    }

    /** "stage3-headers/README.md", a path from the top with forward slashes, as links and messages show it. */
    String shown(Path path) {
        return SourceTree.slashed(top.relativize(path.toAbsolutePath().normalize()));
    }

    /** Writes a report of the workbench's into {@code workbench/target} as UTF-8 and returns its path as shown. */
    String writeReport(Path workbench, String name, String text) {
        Path file = workbench.resolve("target").resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return shown(file);
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
