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
 * The keys stage 8 adds are checked like the others: {@code maxHeaderCount} is a whole number of at least 1,
 * {@code maxBodyBytes} a whole number of at least 0, {@code sendTimeoutMs} a time of at least 1 ms. Each settings file
 * here sets all three, the wrong one last, so the error line must say that this key's value is wrong and quote it.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: a wrong maxHeaderCount, maxBodyBytes or sendTimeoutMs stops the server with one line, status 2")
class LimitSettingsErrorTest {

    /** A valid value of every new key: the others are written with these, before the wrong one. */
    private static final Map<String, String> VALID = Map.of(
            "maxHeaderCount", "100",
            "maxBodyBytes", "1048576",
            "sendTimeoutMs", "30000");

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("no header field at all, not even Host", "maxHeaderCount", "0"),
                Arguments.of("a negative count", "maxHeaderCount", "-5"),
                Arguments.of("a fraction of a field", "maxHeaderCount", "10.5"),
                Arguments.of("a negative size", "maxBodyBytes", "-1"),
                Arguments.of("a size written with its unit", "maxBodyBytes", "\"1 MiB\""),
                Arguments.of("beyond what an int holds", "maxBodyBytes", "99999999999"),
                Arguments.of("no time at all", "sendTimeoutMs", "0"),
                Arguments.of("a time written as text", "sendTimeoutMs", "\"30s\""),
                Arguments.of("longer than an hour", "sendTimeoutMs", "3600001"));
    }

    @ParameterizedTest(name = "[{index}] \"{1}\": {2}, {0}")
    @MethodSource("mistakes")
    @DisplayName("A new key with a wrong value is refused with one line naming the file, the key and the value")
    @Tag("step8.6")
    void refused(String mistake, String key, String value, Servers servers, @TempDir Path dir) {
        // "must be": the key is known and its value is what is wrong, not an unknown key.
        assertThat(refusalOfOneWrong(servers, dir, VALID, key, value)).as("the error line")
                .contains("settings.json", "\"" + key + "\" must be", value);
    }
}
