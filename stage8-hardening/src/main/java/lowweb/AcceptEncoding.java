package lowweb;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The content codings a client can decode, from its Accept-Encoding fields (RFC 9110 §12.5.3), each with its weight:
 * {@code gzip, br;q=0.8, *;q=0.1}. A weight of 0 means "not this one"; {@code *} stands for every coding not named.
 *
 * @param weights the weight of each coding named, in lower case, {@code *} included; from 0 to 1
 */
record AcceptEncoding(Map<String, Double> weights) {

    AcceptEncoding {
        weights = Map.copyOf(weights);
    }

    /**
     * Reads every Accept-Encoding field of the request. A member that cannot be read counts as not written; a client
     * that sends no field at all gets no coding, although RFC 9110 §12.5.3 would allow any: a program that sends none,
     * such as a plain {@code curl}, most likely cannot decode one either.
     */
    static AcceptEncoding of(HeaderFields fields) {
        Map<String, Double> weights = new HashMap<>();
        for (String member : FieldSyntax.list(fields.values("Accept-Encoding"))) {
            // RFC 9110 §12.5.3: codings = content-coding / "identity" / "*", each a token, then its weight if any.
            int end = 0;
            while (end < member.length() && FieldSyntax.isTchar(member.charAt(end))) {
                end++;
            }
            double weight = weight(member, end);
            if (end > 0 && weight >= 0) {
                String coding = member.substring(0, end).toLowerCase(Locale.ROOT);
                // RFC 9110 §8.4.1.3: x-gzip is an old name of gzip.
                weights.put(coding.equals("x-gzip") ? "gzip" : coding, weight);
            }
        }
        return new AcceptEncoding(weights);
    }

    /**
     * RFC 9110 §12.4.2: the weight that follows a coding from {@code from} on, {@code OWS ";" OWS "q=" qvalue}, 1 when
     * there is none; -1 when what follows is not a weight.
     */
    private static double weight(String member, int from) {
        int semicolon = FieldSyntax.afterWhitespace(member, from);
        if (semicolon == member.length()) {
            return 1;
        }
        if (member.charAt(semicolon) != ';') {
            return -1;
        }
        int at = FieldSyntax.afterWhitespace(member, semicolon + 1);
        if (!member.regionMatches(true, at, "q=", 0, 2)) {
            return -1;
        }
        String qvalue = member.substring(at + 2);
        return isQvalue(qvalue) ? Double.parseDouble(qvalue) : -1;
    }

    /** RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). */
    private static boolean isQvalue(String text) {
        if (text.isEmpty() || text.length() > 5 || text.length() > 1 && text.charAt(1) != '.') {
            return false;
        }
        char whole = text.charAt(0);
        for (int i = 2; i < text.length(); i++) {
            if (whole == '0' ? !FieldSyntax.isDigit(text.charAt(i)) : text.charAt(i) != '0') {
                return false;
            }
        }
        return whole == '0' || whole == '1';
    }

    /** How much the client wants the coding: its own weight, else the weight of {@code *}, else 0. */
    double weightOf(String coding) {
        return weights.getOrDefault(coding, weights.getOrDefault("*", 0.0));
    }

    /** The coding of {@code codings} the client wants most, the earlier one on a tie; nothing if it wants none. */
    Optional<String> best(List<String> codings) {
        String best = null;
        for (String coding : codings) {
            if (weightOf(coding) > 0 && (best == null || weightOf(coding) > weightOf(best))) {
                best = coding;
            }
        }
        return Optional.ofNullable(best);
    }
}
