package lowweb;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The HTML pages the server writes itself, and the text inside them. */
final class Html {

    /** A generated HTML page: {@code title} is text, {@code content} is HTML that follows it. */
    static Response page(Status status, String title, String content) {
        byte[] page = ("<!doctype html>\n<title>" + escape(title) + "</title>\n" + content)
                .getBytes(StandardCharsets.UTF_8);
        return new Response(status, List.of(), new Body.Bytes(page)).with("Content-Type", ErrorPages.HTML);
    }

    /**
     * RFC 9110 §15.4.2: the resource lives at {@code location} from now on. The body is a short note with a link, for
     * the rare client that does not follow the Location field by itself.
     */
    static Response movedPermanently(String location) {
        Status status = Status.MOVED_PERMANENTLY;
        return page(status, status.toString(), "<h1>" + status + "</h1>\n<p><a href=\"" + escape(location) + "\">"
                + escape(location) + "</a>\n").with("Location", location);
    }

    private Html() {
    }

    /**
     * Escapes the five characters that could end a text or an attribute value and start markup of its own. A file
     * name can hold any of them, and a page that shows names unescaped runs whatever script a name spells.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
