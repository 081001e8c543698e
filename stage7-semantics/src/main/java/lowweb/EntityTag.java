package lowweb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 §8.8.3): an opaque string that changes whenever the representation does, so a client can
 * ask "has it changed since the copy I have?" in one string comparison.
 *
 * @param opaque the text between the double quotes
 * @param weak   whether the tag was written with {@code W/}: "the same meaning", not "the same bytes"
 */
record EntityTag(String opaque, boolean weak) {

    /**
     * A strong tag for a file's bytes, from its size and modification time, as nginx and Apache make theirs: no need to
     * read the file, and any change through the file system changes one of the two. A content coding gets a tag of its
     * own, since its bytes differ from the plain file's (RFC 9110 §8.8.3.3).
     */
    static EntityTag of(long size, Instant modified, Optional<String> coding) {
        String opaque = Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli())
                + coding.map(name -> "-" + name).orElse("");
        return new EntityTag(opaque, false);
    }

    /**
     * The tags of an If-None-Match or If-Range field, a comma-separated list (RFC 9110 §5.6.1); nothing when the field
     * is not a list of entity tags, which then matches no tag at all.
     */
    static Optional<List<EntityTag>> parseList(String field) {
        List<EntityTag> tags = new ArrayList<>();
        for (String element : FieldSyntax.list(field)) {
            Optional<EntityTag> tag = parse(element);
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            tags.add(tag.get());
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(tags);
    }

    /** RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, the "W/" case-sensitive. */
    private static Optional<EntityTag> parse(String element) {
        boolean weak = element.startsWith("W/");
        int open = weak ? 2 : 0;
        int close = element.length() - 1;
        if (close <= open || element.charAt(open) != '"' || element.charAt(close) != '"') {
            return Optional.empty();
        }
        for (int i = open + 1; i < close; i++) {
            if (!isEtagc(element.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(new EntityTag(element.substring(open + 1, close), weak));
    }

    /** RFC 9110 §8.8.3: etagc = %x21 / %x23-7E / obs-text, any visible character but the double quote. */
    private static boolean isEtagc(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    /** RFC 9110 §8.8.3.2: strong comparison, for If-Range: both tags strong and the same string. */
    boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** RFC 9110 §8.8.3.2: weak comparison, for If-None-Match: the same string, whether or not W/ was written. */
    boolean weakMatch(EntityTag other) {
        return opaque.equals(other.opaque);
    }

    @Override
    public String toString() {
        return (weak ? "W/" : "") + "\"" + opaque + "\"";
    }
}
