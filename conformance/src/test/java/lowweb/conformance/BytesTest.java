package lowweb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BytesTest {

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n";

    @Test
    @DisplayName("A transcript shows the head as text and a binary body as its length and first bytes in hex")
    void binaryBody() throws IOException {
        byte[] png = Files.readAllBytes(site().resolve("img/large.png"));

        String shown = Bytes.message(concat(HEAD.getBytes(StandardCharsets.ISO_8859_1), png));

        assertThat(shown).startsWith("HTTP/1.1 200 OK\\r\\n\nContent-Type: image/png\\r\\n\n\\r\\n\n")
                .endsWith("(" + png.length + " bytes that are not text; the first 32 in hex: 89 50 4e 47 0d 0a 1a 0a"
                        + " " + hex(png, 8, 32) + ")");
    }

    @Test
    @DisplayName("A long text body is cut after 2 KB, with the count of what was left out")
    void longTextBody() {
        byte[] body = new byte[10_000];
        Arrays.fill(body, (byte) 'a');

        String shown = Bytes.message(concat(Bytes.ascii("HTTP/1.1 200 OK\r\n\r\n"), body));

        assertThat(shown).contains("a".repeat(Bytes.TEXT_SHOWN)).doesNotContain("a".repeat(Bytes.TEXT_SHOWN + 1))
                .endsWith("... (" + (10_000 - Bytes.TEXT_SHOWN) + " more bytes)");
    }

    @Test
    @DisplayName("UTF-8 text stays text; bytes that start no request, like a TLS handshake, are shown in hex")
    void textAndBinaryWithoutHead() {
        byte[] cyrillic = "привет\n".repeat(400).getBytes(StandardCharsets.UTF_8);
        byte[] handshake = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5};
        byte[] garbage = {(byte) 0x86, '\n', '\n', 0x01};

        assertThat(Bytes.message(cyrillic)).startsWith("\\xd0\\xbf").contains("more bytes)");
        assertThat(Bytes.message(handshake)).isEqualTo("(5 bytes that are not text; all in hex: 16 03 01 00 a5)");
        assertThat(Bytes.message(garbage)).as("random bytes with an empty line in them")
                .isEqualTo("(4 bytes that are not text; all in hex: 86 0a 0a 01)");
    }

    @Test
    @DisplayName("An assertion on a body shows its length and first bytes, not a thousand signed numbers")
    void assertionMessage() throws IOException {
        byte[] png = Files.readAllBytes(site().resolve("img/large.png"));
        byte[] cut = Arrays.copyOf(png, 1000);

        Assertions.useRepresentation(BytesRepresentation.INSTANCE);
        Throwable failure;
        try {
            failure = catchThrowable(() -> assertThat(cut).isEqualTo(png));
        } finally {
            Assertions.useDefaultRepresentation();
        }

        assertThat(failure.getMessage()).contains("(" + png.length + " bytes)", "(1000 bytes)", "89 50 4e 47")
                .hasSizeLessThan(1000);
    }

    private static Path site() {
        return Path.of(System.getProperty("site.root", "../shared-site"));
    }

    private static String hex(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(i > from ? " " : "").append(String.format("%02x", bytes[i]));
        }
        return out.toString();
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
