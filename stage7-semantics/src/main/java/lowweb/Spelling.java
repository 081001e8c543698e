package lowweb;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the word someone meant when they mistyped it, for messages such as: did you mean "port"? */
final class Spelling {

    private Spelling() {
    }

    /**
     * The candidate closest to {@code word}, when it is close enough to be a slip of the fingers: one edit for every
     * three letters, at least one. Case is ignored, since "Port" for "port" is the commonest slip of all.
     */
    static Optional<String> closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(1, word.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * How many slips turn one word into the other, counting the four that typing makes: a letter added, left out or
     * replaced, and two neighbours swapped ("prot" for "port" is one slip, not two).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int replace = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + replace);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
