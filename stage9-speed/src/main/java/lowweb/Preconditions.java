package lowweb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The conditional header fields of a GET or HEAD request (RFC 9110 §13), evaluated in the order of §13.2.2. They let
 * a client that has a copy ask "only if it changed", let a client that means one version of a file ask "only if it
 * is still that version", and let a client that has part of a file ask for the rest "only if it is still the same
 * file".
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Whether the file is no longer the version the client means, so that 412 answers the request (RFC 9110 §13.2.2
     * steps 1 and 2). If-Match wins over If-Unmodified-Since: an entity tag is exact, a date to the second is not.
     */
    static boolean failed(Request request, Representation representation) {
        List<String> match = request.fields().values("If-Match");
        if (!match.isEmpty()) {
            // RFC 9110 §13.1.1: compared strongly, since the client wants these very bytes; a value that is not a
            // list of entity tags names no version, and cannot be confirmed either.
            return !matchesAny(match, representation.tag()::strongMatch);
        }
        // RFC 9110 §13.1.4: false when the file changed after the date; ignored unless it is one valid HTTP-date.
        return date(request, "If-Unmodified-Since").filter(representation.lastModified()::isAfter).isPresent();
    }

    /**
     * Whether the client's copy is still the current one, so that 304 answers the request (RFC 9110 §13.2.2 steps 3
     * and 4). If-None-Match wins over If-Modified-Since, for the same reason.
     */
    static boolean notModified(Request request, Representation representation) {
        List<String> noneMatch = request.fields().values("If-None-Match");
        if (!noneMatch.isEmpty()) {
            // RFC 9110 §13.1.2: compared weakly; a copy with the same meaning is as good as one with the same bytes.
            return matchesAny(noneMatch, representation.tag()::weakMatch);
        }
        // RFC 9110 §13.1.3: true when the file has not changed since the date; ignored unless it is one valid date.
        return date(request, "If-Modified-Since").filter(since -> !representation.lastModified().isAfter(since))
                .isPresent();
    }

    /**
     * RFC 9110 §13.1.5: whether a Range still applies (§13.2.2 step 5). If-Range holds the validator of the copy the
     * client has part of; if the file changed since, the rest of the new file would not fit the start of the old
     * one, so the whole file is sent instead. An entity tag must match strongly; a date must be the file's
     * Last-Modified exactly.
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

    /**
     * RFC 9110 §13.1.1, §13.1.2: "*" matches any current representation, and every file served is one; otherwise
     * one of the listed tags must match. Several field lines form one list (RFC 9110 §5.3).
     */
    private static boolean matchesAny(List<String> lines, Predicate<EntityTag> matches) {
        String field = String.join(", ", lines);
        if (field.strip().equals("*")) {
            return true;
        }
        return EntityTag.parseList(field).orElse(List.of()).stream().anyMatch(matches);
    }

    /**
     * The date of If-Modified-Since or If-Unmodified-Since. RFC 9110 §13.1.3 and §13.1.4: the field is ignored unless
     * it is exactly one valid HTTP-date, so anything else, a list of dates included, gives nothing.
     */
    private static Optional<Instant> date(Request request, String name) {
        List<String> values = request.fields().values(name);
        return values.size() == 1 ? HttpDate.parse(values.getFirst()) : Optional.empty();
    }
}
