package lowweb.conformance;

import static lowweb.conformance.SettingsFiles.refusal;
import static lowweb.conformance.SettingsFiles.settingsServing;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
 * The keys stage 7 adds are checked like the others: {@code directoryListing} is true or false, {@code cacheControl}
 * maps extensions (or {@code "*"}) to cache directives. The error line must name the file, the key and what is wrong.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: a wrong directoryListing or cacheControl stops the server with one line, status 2")
class SemanticsSettingsErrorTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a yes written as a string", "\"directoryListing\": \"yes\"",
                        List.of("\"directoryListing\"", "\"yes\"")),
                Arguments.of("a list for a yes", "\"directoryListing\": [true]",
                        List.of("\"directoryListing\"", "[true]")),
                Arguments.of("a value with a space in a directive", "\"cacheControl\": {\"html\": \"max age=60\"}",
                        List.of("\"cacheControl\"", "\"html\"", "max age=60")),
                Arguments.of("a number instead of directives", "\"cacheControl\": {\"css\": 3600}",
                        List.of("\"cacheControl\"", "\"css\"", "3600")),
                Arguments.of("an empty value", "\"cacheControl\": {\"js\": \"\"}",
                        List.of("\"cacheControl\"", "\"js\"")),
                Arguments.of("a line break that would write a header field of its own",
                        "\"cacheControl\": {\"*\": \"no-cache\\r\\nSet-Cookie: id=1\"}",
                        List.of("\"cacheControl\"", "Set-Cookie")),
                Arguments.of("an extension written with its dot", "\"cacheControl\": {\".html\": \"no-cache\"}",
                        List.of("\"cacheControl\"", ".html")),
                Arguments.of("one value for every file instead of an object", "\"cacheControl\": \"no-cache\"",
                        List.of("\"cacheControl\"", "\"no-cache\"")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("mistakes")
    @DisplayName("A wrong directoryListing or cacheControl is refused with one line naming the file, the key and the"
            + " value")
    @Tag("step7.12")
    void refused(String mistake, String member, List<String> named, Servers servers, @TempDir Path dir) {
        Path settings = settingsServing(dir, site(dir, "index.html", "<p>never served</p>\n"), member);

        String line = refusal(servers.exitOf("--config", settings.toString()));

        assertThat(line).as("the error line").contains("settings.json").contains(named);
    }
}
