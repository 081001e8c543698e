package lowweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An HTML page that lists a folder without an index file, when the operator turns it on. It lists exactly what the
 * server would serve: a hidden name, a file of a type not served and a link out of the root are left out, not shown
 * greyed, since a listing that names them tells a visitor what exists without serving it.
 */
final class DirectoryListing {

    private DirectoryListing() {
    }

    /**
     * @param folder   the folder, inside the root
     * @param target   the folder's request-target, with its final slash
     * @param servable whether the server would serve an entry of the folder (a folder or a file)
     */
    static Response of(Path folder, RequestTarget target, Predicate<Path> servable) throws IOException {
        String path = "/" + target.segments().stream()
                .map(segment -> segment + "/")
                .collect(Collectors.joining());
        List<String> items = new ArrayList<>();
        if (!path.equals("/")) {
            items.add(item("../", "../"));
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().filter(servable).toList()) {
                String name = entry.getFileName().toString();
                String slash = Files.isDirectory(entry) ? "/" : "";
                // A folder's link ends in "/", so following it needs no redirect.
                items.add(item(RequestTarget.encode(name) + slash, name + slash));
            }
        }
        String title = "Index of " + path;
        return Html.page(Status.OK, title,
                "<h1>" + Html.escape(title) + "</h1>\n<ul>\n" + String.join("", items) + "</ul>\n");
    }

    /**
     * A link relative to the folder: the name percent-encoded so that it reads as one path segment, whatever
     * characters it holds ({@code #}, {@code ?}, {@code :}), then HTML-escaped like the name shown.
     */
    private static String item(String href, String text) {
        return "<li><a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>\n";
    }
}
