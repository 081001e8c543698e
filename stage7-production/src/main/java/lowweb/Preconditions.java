package lowweb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conditional header fields of a GET or HEAD request (RFC 9110 §13), evaluated in the order of §13.2.2. They let
 * a client that has a copy ask "only if it changed", and let a client that has part of a file ask for the rest
 * "only if it is still the same file".
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Whether the client's copy is still the current one, so that 304 answers the request (RFC 9110 §13.2.2 steps 3
     * and 4). If-None-Match wins over If-Modified-Since: an entity tag is exact, a date to the second is not.
     */
    static boolean notModified(Request request, Representation representation) {
        List<String> noneMatch = request.fields().values("If-None-Match");
        if (!noneMatch.isEmpty()) {
            return matchesAny(String.join(", ", noneMatch), representation.tag());
        }
        List<String> modifiedSince = request.fields().values("If-Modified-Since");
        // RFC 9110 §13.1.3: ignored unless it is exactly one valid HTTP-date.
        if (modifiedSince.size() != 1) {
            return false;
        }
        Optional<Instant> since = HttpDate.parse(modifiedSince.getFirst());
        return since.isPresent() && !representation.lastModified().isAfter(since.get());
    }

    /**
     * RFC 9110 §13.1.5: whether a Range still applies. If-Range holds the validator of the copy the client has part
     * of; if the file changed since, the rest of the new file would not fit the start of the old one, so the whole
     * file is sent instead. An entity tag must match strongly; a date must be the file's Last-Modified exactly.
     */
    static boolean rangeStillApplies(Request request, Representation representation) {
        List<String> ifRange = request.fields().values("If-Range");
        if (ifRange.isEmpty()) {
            return true;
        }
        if (ifRange.size() > 1) {
            return false;
        }
        String validator = ifRange.getFirst();
        if (validator.startsWith("\"") || validator.startsWith("W/")) {
            return EntityTag.parseList(validator)
                    .filter(tags -> tags.size() == 1 && tags.getFirst().strongMatch(representation.tag()))
                    .isPresent();
        }
        return HttpDate.parse(validator).filter(representation.lastModified()::equals).isPresent();
    }

    /** RFC 9110 §13.1.2: "*" matches any current representation; otherwise the tags are compared weakly. */
    private static boolean matchesAny(String field, EntityTag tag) {
        if (field.strip().equals("*")) {
            return true;
        }
        return EntityTag.parseList(field).orElse(List.of()).stream().anyMatch(tag::weakMatch);
    }
}
