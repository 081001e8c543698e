package lowweb;

/** Text inside the HTML pages the server writes itself. */
final class Html {

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
