package lowweb;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content codings a client can decode, from its Accept-Encoding fields (RFC 9110 §12.5.3), each with its weight:
 * {@code gzip, br;q=0.8, *;q=0.1}. A weight of 0 means "not this one"; {@code *} stands for every coding not named.
 *
 * @param weights the weight of each coding named, in lower case, {@code *} included; from 0 to 1
 */
record AcceptEncoding(Map<String, Double> weights) {

    /** RFC 9110 §12.4.2: weight = OWS ";" OWS "q=" qvalue, qvalue being 0 to 1 with at most three decimals. */
    private static final Pattern MEMBER =
            Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*(?:;[ \t]*[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?");

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
        for (String field : fields.values("Accept-Encoding")) {
            for (String member : field.split(",")) {
                Matcher matcher = MEMBER.matcher(member.strip());
                if (matcher.matches()) {
                    double weight = matcher.group(2) == null ? 1 : Double.parseDouble(matcher.group(2));
                    String coding = matcher.group(1).toLowerCase(Locale.ROOT);
                    // RFC 9110 §8.4.1.3: x-gzip is an old name of gzip.
                    weights.put(coding.equals("x-gzip") ? "gzip" : coding, weight);
                }
            }
        }
        return new AcceptEncoding(weights);
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
