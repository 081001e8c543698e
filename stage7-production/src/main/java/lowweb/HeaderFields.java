package lowweb;

import java.util.ArrayList;
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
        return new Field(name, withoutOptionalWhiteSpace(line, colon + 1));
    }

    /**
     * RFC 9110 §5.6.3: optional white space (SP / HTAB) around the value is not part of it. A loop rather than a
     * regular expression, which would be compiled anew for every field of every request.
     */
    private static String withoutOptionalWhiteSpace(String line, int start) {
        int end = line.length();
        while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(start, end);
    }
}
