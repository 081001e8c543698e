package lowweb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header fields of a request, in the order they came (RFC 9112 §5). Names are compared case-insensitively
 * (RFC 9110 §5.1); a name may repeat.
 */
public record HeaderFields(List<Field> fields) {

    /** One {@code name: value} line, the value without the optional white space around it. */
    public record Field(String name, String value) {
    }

    public HeaderFields {
        fields = List.copyOf(fields);
    }

    /** Every value of the named field, in order. */
    public List<String> values(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /**
     * The elements of every value of a list-based field, such as {@code Connection: keep-alive, Upgrade}: RFC 9110
     * §5.6.1 lets a list be split over several field lines and asks recipients to skip its empty elements.
     */
    public List<String> elements(String name) {
        return values(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(element -> !element.isEmpty())
                .toList();
    }

    static HeaderFields parse(List<String> lines) throws HttpError {
        List<Field> fields = new ArrayList<>();
        for (String line : lines) {
            fields.add(parseField(line));
        }
        return new HeaderFields(fields);
    }

    private static Field parseField(String line) throws HttpError {
        if (line.startsWith(" ") || line.startsWith("\t")) {
            // RFC 9112 §5.2: obsolete line folding; a server may reject it with 400, which is simplest and safe.
            throw new HttpError(Status.BAD_REQUEST, "obsolete line folding in header field: " + line);
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new HttpError(Status.BAD_REQUEST, "header field without a colon: " + line);
        }
        String name = line.substring(0, colon);
        if (!RequestLine.isToken(name)) {
            // RFC 9112 §5.1: no white space between name and colon, a classic request-smuggling trick.
            throw new HttpError(Status.BAD_REQUEST, "header field name is not a token: \"" + name + "\"");
        }
        String value = withoutOptionalWhiteSpace(line, colon + 1);
        if (RequestLine.hasControl(value, true)) {
            // RFC 9110 §5.5: a value is visible characters, SP, HTAB and bytes from 0x80 on. A NUL would cut it short
            // for code written in C behind this server; the other control characters no honest client sends.
            throw new HttpError(Status.BAD_REQUEST, "control character in the value of " + name);
        }
        return new Field(name, value);
    }

    /**
     * The value that starts at {@code from}, without the optional white space (SP / HTAB) around it, which is not
     * part of it (RFC 9110 §5.6.3). Two index walks rather than a regular expression: a pattern anchored at the end
     * is tried again from every blank in the middle, so a value of a few thousand spaces would cost the server
     * quadratic time on every request that sends it.
     */
    private static String withoutOptionalWhiteSpace(String line, int from) {
        int start = from;
        int end = line.length();
        while (start < end && isBlank(line.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
