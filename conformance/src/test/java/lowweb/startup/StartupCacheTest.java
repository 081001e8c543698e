package lowweb.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class StartupCacheTest {

    @Test
    @DisplayName("The training copy of the settings names the site as its root and keeps every other member as it is")
    void trainingSettings(@TempDir Path dir) throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.json"), """
                {
                  "port": 8080,
                  "root" : "../shared-\\"site\\"",
                  "accessLog": "logs/access.log"
                }
                """);
        Path site = Files.createDirectories(dir.resolve("a site"));
        Path training = Files.createDirectories(dir.resolve("training"));

        Path copy = StartupCache.trainingSettings(settings, site, training);

        String json = site.toString().replace("\\", "\\\\");
        assertThat(copy).isEqualTo(training.resolve("settings.json"));
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo("""
                {
                  "port": 8080,
                  "root": "%s",
                  "accessLog": "logs/access.log"
                }
                """.formatted(json));
    }
}
