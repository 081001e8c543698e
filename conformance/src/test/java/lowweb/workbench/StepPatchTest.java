package lowweb.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("unit")
class StepPatchTest {

    static Stream<Stage> stagesWithSteps() {
        return Repository.course().stages().stream().filter(stage -> !stage.steps().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stagesWithSteps")
    @DisplayName("The previous stage and every patch of a stage give the stage's folder byte for byte, as scripts/steps"
            + " check requires of git apply")
    void patchesRebuildTheStage(Stage stage) {
        Course course = Repository.course();

        SourceTree rebuilt = course.afterSteps(stage, stage.steps().size());

        assertThat(rebuilt.differingPaths(SourceTree.read(stage.folder()))).as("files that differ").isEmpty();
    }

    @Test
    @DisplayName("A step's start is the previous stage with the patches before the step; stage 1's is empty")
    void startOfAStep() {
        Course course = Repository.course();

        assertThat(course.startOf(Point.parse("1")).isEmpty()).isTrue();
        assertThat(course.startOf(Point.parse("3.1"))).isEqualTo(SourceTree.read(course.stage(2).folder()));
        assertThat(course.startOf(Point.parse("3"))).isEqualTo(course.startOf(Point.parse("3.1")));
        assertThat(course.startOf(Point.parse("3.3"))).isEqualTo(course.solutionOf(Point.parse("3.2")));
        assertThat(course.solutionOf(Point.parse("3.8"))).isEqualTo(course.solutionOf(Point.parse("3")));
    }

    @Test
    @DisplayName("A file checked out with CRLF keeps CRLF, and a new file takes the patch's own line ends")
    void lineEndsOfACheckoutAreKept(@TempDir Path folder) throws IOException {
        Path patch = folder.resolve("01-two.diff");
        Files.writeString(patch, String.join("\r\n",
                "diff --git a/src/main/A.txt b/src/main/A.txt",
                "--- a/src/main/A.txt",
                "+++ b/src/main/A.txt",
                "@@ -1,2 +1,3 @@",
                " one",
                "+two",
                " three",
                "diff --git a/src/main/B.txt b/src/main/B.txt",
                "new file mode 100644",
                "--- /dev/null",
                "+++ b/src/main/B.txt",
                "@@ -0,0 +1 @@",
                "+new",
                ""), StandardCharsets.ISO_8859_1);
        SourceTree before = SourceTree.EMPTY.with("src/main/A.txt", bytes("one\r\nthree\r\n"));

        SourceTree after = StepPatch.apply(before, patch);

        assertThat(text(after.get("src/main/A.txt"))).isEqualTo("one\r\ntwo\r\nthree\r\n");
        assertThat(text(after.get("src/main/B.txt"))).isEqualTo("new\r\n");
    }

    @Test
    @DisplayName("A patch whose lines do not match says which patch and which file")
    void mismatchIsReported(@TempDir Path folder) throws IOException {
        Path patch = folder.resolve("01-one.diff");
        Files.writeString(patch, String.join("\n",
                "diff --git a/src/main/A.txt b/src/main/A.txt",
                "--- a/src/main/A.txt",
                "+++ b/src/main/A.txt",
                "@@ -1 +1 @@",
                "-one",
                "+two",
                ""), StandardCharsets.ISO_8859_1);
        SourceTree before = SourceTree.EMPTY.with("src/main/A.txt", bytes("uno\n"));

        assertThatThrownBy(() -> StepPatch.apply(before, patch)).isInstanceOf(WorkbenchError.class)
                .hasMessageStartingWith("01-one.diff does not apply to src/main/A.txt");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
