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

    /**
     * The elements of every value of a list-based field, such as {@code Connection: keep-alive, Upgrade}: RFC 9110
     * §5.6.1 lets a list be split over several field lines and asks recipients to skip its empty elements.
     */
    public List<String> elements(String name) {
        return FieldSyntax.list(values(name));
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
        if (!FieldSyntax.isToken(name)) {
            // RFC 9112 §5.1: no white space between name and colon, a classic request-smuggling trick.
            throw new HttpError(Status.BAD_REQUEST, "header field name is not a token: \"" + name + "\"");
        }
        // RFC 9110 §5.5: the optional white space around a value is not part of it.
        String value = FieldSyntax.withoutWhitespace(line, colon + 1, line.length());
        if (FieldSyntax.hasControl(value, true)) {
            // RFC 9110 §5.5: a value is visible characters, SP, HTAB and bytes from 0x80 on. A NUL would cut it short
            // for code written in C behind this server; the other control characters no honest client sends.
            throw new HttpError(Status.BAD_REQUEST, "control character in the value of " + name);
        }
        return new Field(name, value);
    }
}
