package lowweb.conformance;

import static lowweb.conformance.SettingsFiles.refusalOfOneWrong;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keys stage 5 adds are checked like the others: {@code maxConnections} and {@code headerTimeoutMs} are whole
 * numbers of at least 1, {@code accessLog} is the path of a file. Each settings file here sets all three, the wrong
 * one last, so the error line must name the key whose value is wrong and quote that value.
 */
@Tag("stage5")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: a wrong maxConnections, headerTimeoutMs or accessLog stops the server with one line, status 2")
class Stage5SettingsErrorTest {

    /** A valid value of every new key: the others are written with these, before the wrong one. */
    private static final Map<String, String> VALID = Map.of(
            "accessLog", "\"logs/access.log\"",
            "maxConnections", "100",
            "headerTimeoutMs", "5000");

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("not a single connection", "maxConnections", "0"),
                Arguments.of("a number written as a word", "maxConnections", "\"ten\""),
                Arguments.of("a fraction of a connection", "maxConnections", "2.5"),
                Arguments.of("a negative time", "headerTimeoutMs", "-1"),
                Arguments.of("no time at all", "headerTimeoutMs", "0"),
                Arguments.of("a number instead of a path", "accessLog", "5"),
                Arguments.of("a list instead of a path", "accessLog", "[\"logs/access.log\"]"));
    }

    @ParameterizedTest(name = "[{index}] \"{1}\": {2}, {0}")
    @MethodSource("mistakes")
    @DisplayName("A new key with a wrong value is refused with one line naming the file, the key and the value")
    @Tag("step5.5")
    void refused(String mistake, String key, String value, Servers servers, @TempDir Path dir) {
        assertThat(refusalOfOneWrong(servers, dir, VALID, key, value)).as("the error line")
                .contains("settings.json", "\"" + key + "\"", value);
    }
}
