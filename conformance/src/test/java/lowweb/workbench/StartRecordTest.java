package lowweb.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class StartRecordTest {

    private static final SourceTree WRITTEN = SourceTree.EMPTY
            .with("src/main/java/lowweb/Main.java", bytes("class Main {\n}\n"))
            .with("settings.json", bytes("{}\n"));

    @Test
    @DisplayName("Files changed, added or deleted since the start are named; line ends Git changed are not a change")
    void changes(@TempDir Path workbench) {
        StartRecord.of(Point.parse("4.2"), WRITTEN).write(workbench);
        StartRecord record = StartRecord.read(workbench).orElseThrow();
        SourceTree current = WRITTEN
                .with("src/main/java/lowweb/Main.java", bytes("class Main {\r\n}\r\n"))
                .with("src/main/java/lowweb/Mine.java", bytes("class Mine {}\n"))
                .without("settings.json");

        assertThat(record.point()).isEqualTo(Point.parse("4.2"));
        assertThat(record.changesIn(WRITTEN)).isEmpty();
        assertThat(record.changesIn(current))
                .containsExactly("settings.json (deleted)", "src/main/java/lowweb/Mine.java (added)");
        assertThat(record.changesIn(WRITTEN.with("settings.json", bytes("{\"port\": 1}\n"))))
                .containsExactly("settings.json (changed)");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
