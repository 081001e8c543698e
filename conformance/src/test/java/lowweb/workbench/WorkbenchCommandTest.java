package lowweb.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WorkbenchCommandTest {

    @Test
    @DisplayName("The commands the workbench prints can be pasted as they are: ./mvnw elsewhere, .\\mvnw.cmd with each"
            + " -D option in double quotes on Windows (PowerShell splits an unquoted one at its dot)")
    void commandsToPaste() {
        assertThat(Workbench.command("-Dstage=3 -Dstep=3.2", false))
                .isEqualTo("./mvnw -q -pl workbench -am test -Dstage=3 -Dstep=3.2");
        assertThat(Workbench.command("-Dstage=3 -Dstep=3.2", true))
                .isEqualTo(".\\mvnw.cmd -q -pl workbench -am test \"-Dstage=3\" \"-Dstep=3.2\"");
    }
}
