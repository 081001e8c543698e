package lowweb.conformance;

import static lowweb.conformance.SettingsFiles.json;
import static lowweb.conformance.SettingsFiles.refusal;
import static lowweb.conformance.Sites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each test writes a settings file with one mistake, {@code ROOT} standing for an existing folder, and checks that
 * the server refuses to start: exit status 2 and one line on standard error that names the file and says what is
 * wrong where, quoting what it found.
 */
@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: invalid settings never start a server; one line says what to fix, exit status 2")
class SettingsErrorTest {

    /** Values the settings file of step 4.6 can hold, each wrong in one way. */
    static Stream<Arguments> wrongValues() {
        return Stream.of(
                mistake("a port written as a string",
                        "{\"port\": \"80\", \"root\": ROOT}", "\"port\"", "80"),
                mistake("a port above 65535",
                        "{\"port\": 70000, \"root\": ROOT}", "\"port\"", "70000"),
                mistake("a negative port",
                        "{\"port\": -1, \"root\": ROOT}", "\"port\"", "-1"),
                mistake("a port with a fraction, which no port has",
                        "{\"port\": 8080.5, \"root\": ROOT}", "\"port\"", "8080.5"),
                mistake("a port with an exponent far beyond any range is out of range like any other",
                        "{\"port\": 1e99999, \"root\": ROOT}", "\"port\""),
                mistake("a root folder that does not exist",
                        "{\"port\": 0, \"root\": \"no-such-folder\"}", "\"root\"", "no-such-folder"),
                mistake("a request limit of 0 bytes",
                        "{\"port\": 0, \"root\": ROOT, \"maxRequestBytes\": 0}", "\"maxRequestBytes\"", "0"),
                mistake("a negative request limit",
                        "{\"port\": 0, \"root\": ROOT, \"maxRequestBytes\": -8192}", "\"maxRequestBytes\"", "-8192"),
                mistake("settings that are not an object",
                        "[{\"port\": 0, \"root\": ROOT}]"));
    }

    /** Lists of types that step 4.8 refuses. */
    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                mistake("an empty list of types, which would serve nothing",
                        "{\"port\": 0, \"root\": ROOT, \"mimeTypes\": {}}", "\"mimeTypes\""),
                mistake("an extension written with its dot",
                        "{\"port\": 0, \"root\": ROOT, \"mimeTypes\": {\".md\": \"text/markdown\"}}",
                        "\"mimeTypes\"", ".md"),
                mistake("an empty Content-Type",
                        "{\"port\": 0, \"root\": ROOT, \"mimeTypes\": {\"md\": \"\"}}", "\"mimeTypes\"", "md"));
    }

    /** Files that are not JSON, or name a key twice: step 4.9 reads them itself, so it knows the line. */
    static Stream<Arguments> whereTheMistakeIs() {
        return Stream.of(
                mistake("a comma before \"}\" is not JSON: the line is named (RFC 8259 §4)",
                        "{\n  \"port\": 0,\n  \"root\": ROOT,\n}\n", "line 4"),
                mistake("a comment is not JSON: the line is named (RFC 8259 §2)",
                        "{\n  \"port\": 0, // any free port\n  \"root\": ROOT\n}\n", "line 2"),
                mistake("a missing comma: the line is named (RFC 8259 §4)",
                        "{\n  \"port\": 0\n  \"root\": ROOT\n}\n", "line 3"),
                mistake("a key given twice, which would silently take the second value: both lines are named"
                        + " (RFC 8259 §4)",
                        "{\n  \"port\": 8080,\n  \"root\": ROOT,\n  \"port\": 0\n}\n",
                        "line 4", "\"port\"", "line 2"),
                mistake("an extension given twice inside \"mimeTypes\": both lines are named (RFC 8259 §4)",
                        "{\n  \"port\": 0,\n  \"root\": ROOT,\n  \"mimeTypes\": {\n    \"md\": \"text/markdown\",\n"
                                + "    \"md\": \"text/plain\"\n  }\n}\n",
                        "line 6", "\"mimeTypes\"", "\"md\"", "line 5"));
    }

    /**
     * Mistakes whose line, from step 4.10 on, says what stands where the reader stopped, or what was meant: a line
     * number alone leaves the operator to find the mistake.
     */
    static Stream<Arguments> whatToFix() {
        return Stream.of(
                mistake("a typo in a key is named, with the key meant",
                        "{\"prot\": 0, \"root\": ROOT}", "\"prot\"", "\"port\""),
                mistake("a missing comma: what stands where the comma should be, the next key (RFC 8259 §4)",
                        "{\n  \"port\": 0\n  \"root\": ROOT\n}\n", "line 3", "\"root\""),
                mistake("a word that JSON does not know is quoted (RFC 8259 §3)",
                        "{\"port\": 0, \"root\": ROOT, \"maxRequestBytes\": lots}", "lots"),
                mistake("a key in single quotes: the quote is shown (RFC 8259 §4, §7)",
                        "{'port': 0, \"root\": ROOT}", "'"),
                mistake("a comment is called a comment (RFC 8259 §2)",
                        "{\n  \"port\": 0, // any free port\n  \"root\": ROOT\n}\n", "line 2", "comment"),
                mistake("a file that ends too early says so (RFC 8259 §2)",
                        "{\"port\": 0, \"root\": ROOT", "end"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wrongValues")
    @DisplayName("A settings file with a wrong value is refused with one line naming the file, the key and the value")
    @Tag("step4.6")
    void wrongValue(String mistake, String text, List<String> named, Servers servers, @TempDir Path dir) {
        assertRefusedNaming(text, named, servers, dir);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wrongTypes")
    @DisplayName("A wrong list of types is refused with one line naming the file, mimeTypes and the entry")
    @Tag("step4.8")
    void wrongTypes(String mistake, String text, List<String> named, Servers servers, @TempDir Path dir) {
        assertRefusedNaming(text, named, servers, dir);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("whereTheMistakeIs")
    @DisplayName("A settings file that is not JSON, or gives a key twice, is refused with one line naming the file and"
            + " the line of the mistake (RFC 8259)")
    @Tag("step4.9")
    void notJsonOrTwice(String mistake, String text, List<String> named, Servers servers, @TempDir Path dir) {
        assertRefusedNaming(text, named, servers, dir);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("whatToFix")
    @DisplayName("The refusal says what stands where the mistake is, or which key was meant, not only where")
    @Tag("step4.10")
    void saysWhatToFix(String mistake, String text, List<String> named, Servers servers, @TempDir Path dir) {
        assertRefusedNaming(text, named, servers, dir);
    }

    @Test
    @DisplayName("A settings file that does not exist is refused with one line naming it")
    @Tag("step4.6")
    void missingFile(Servers servers, @TempDir Path dir) {
        Path file = dir.resolve("no-such-settings.json");

        String line = refusal(servers.exitOf("--config", file.toString()));

        assertThat(line).as("the error line").contains("no-such-settings.json");
    }

    /** Writes the settings file, starts the server with it, and checks its one line of refusal. */
    private static void assertRefusedNaming(String text, List<String> named, Servers servers, Path dir) {
        Path root = write(dir, "site/index.html", "<p>never served</p>\n").getParent();
        Path file = write(dir, "settings.json", text.replace("ROOT", json(root)));

        String line = refusal(servers.exitOf("--config", file.toString()));

        assertThat(line).as("the error line").contains(named);
    }

    /** Every error line names the file, then whatever else this mistake requires. */
    private static Arguments mistake(String mistake, String text, String... named) {
        List<String> all = new ArrayList<>(List.of("settings.json"));
        all.addAll(List.of(named));
        return Arguments.of(mistake, text, all);
    }
}
