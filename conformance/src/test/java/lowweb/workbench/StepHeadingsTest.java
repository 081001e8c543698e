package lowweb.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class StepHeadingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "3.1 Date and Server|31-date-and-server",
        "3.2 Content-Length and Connection: close|32-content-length-and-connection-close",
        "3.8 Host is host[:port]|38-host-is-hostport",
        "4.4 The site's own error pages|44-the-sites-own-error-pages",
        "4.11 --host, and settings.json in the current folder|411---host-and-settingsjson-in-the-current-folder",
        "7.2 `ETag` and If_None_Match|72-etag-and-if_none_match",
        "2.9 Файлы в UTF-8|29-файлы-в-utf-8"})
    @DisplayName("A heading's anchor follows GitHub's rule: lower case, punctuation but - and _ dropped, spaces as -")
    void anchor(String heading, String anchor) {
        assertThat(StepHeadings.anchor(heading)).isEqualTo(anchor);
    }

    @Test
    @DisplayName("Every step link of the root README's course map is the link the workbench gives that step")
    void courseMapLinks() throws IOException {
        Course course = Repository.course();
        String readme = Files.readString(Repository.top().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher link = Pattern.compile("\\[(\\d+)\\.(\\d+) .*?\\]\\((stage[^)]+)\\)").matcher(readme);
        int links = 0;
        while (link.find()) {
            Step step = course.stage(Integer.parseInt(link.group(1))).step(Integer.parseInt(link.group(2)));
            assertThat(step.link()).as("step " + step.number()).isEqualTo(link.group(3));
            links++;
        }
        assertThat(links).isEqualTo(course.stages().stream().mapToInt(stage -> stage.steps().size()).sum());
    }

    @Test
    @DisplayName("A step's task is the first paragraph under its heading")
    void task() {
        Step step = Repository.course().step(Point.parse("3.1"));

        assertThat(step.title()).isEqualTo("Date and Server");
        assertThat(step.task()).startsWith("Every response, error responses included, now carries two header fields")
                .endsWith("so the body ends where the connection ends.").doesNotContain("**RFC:**");
    }

    @Test
    @DisplayName("A point's tests: every step of stages 2 to N - 1 and of stage N up to it; stage 1's are its own")
    void stepsUpTo() {
        Course course = Repository.course();

        List<String> upTo32 = course.stepsUpTo(Point.parse("3.2")).stream().map(Step::number).toList();
        List<String> stage1 = course.stepsUpTo(Point.parse("1")).stream().map(Step::number).toList();

        assertThat(upTo32).startsWith("2.1", "2.2").endsWith("2.10", "3.1", "3.2").hasSize(12);
        assertThat(stage1).containsExactly("1.1", "1.2", "1.3");
    }
}
