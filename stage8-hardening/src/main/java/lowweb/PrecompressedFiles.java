package lowweb;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies of a file compressed ahead of time, as nginx's {@code gzip_static} serves them: {@code style.css.br} and
 * {@code style.css.gz} beside {@code style.css}. Compressing once, at build time and at the best level, costs the
 * server nothing per request, where compressing on the fly would cost processor time on every one.
 */
final class PrecompressedFiles {

    /** The content codings of RFC 9110 §8.4.1 a copy can have, each with its file name's ending; brotli first. */
    private record Coding(String name, String ending) {
    }

    /** Brotli comes first: for text it is usually smaller than gzip at its best level. */
    private static final List<Coding> CODINGS = List.of(new Coding("br", ".br"), new Coding("gzip", ".gz"));

    private PrecompressedFiles() {
    }

    /**
     * Which file answers a request: the plain file or one of its compressed copies.
     *
     * @param file   the file whose bytes are sent
     * @param coding the copy's content coding; nothing for the plain file
     * @param varies whether a compressed copy exists, so the answer depends on Accept-Encoding
     */
    record Choice(Path file, Optional<String> coding, boolean varies) {
    }

    /**
     * The plain file, or the compressed copy the client accepts and wants most. A copy counts only as a regular file
     * that is not a link: it lies beside a file already checked to be inside the root, and a link could lead anywhere.
     *
     * @param file the real path of the file asked for
     */
    static Choice choose(Path file, HeaderFields fields) {
        Map<String, Path> copies = new LinkedHashMap<>();
        for (Coding coding : CODINGS) {
            Path copy = file.resolveSibling(file.getFileName() + coding.ending());
            if (Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
                copies.put(coding.name(), copy);
            }
        }
        Optional<String> chosen = AcceptEncoding.of(fields).best(List.copyOf(copies.keySet()));
        return new Choice(chosen.map(copies::get).orElse(file), chosen, !copies.isEmpty());
    }
}
