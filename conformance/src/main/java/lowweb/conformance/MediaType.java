package lowweb.conformance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * A Content-Type value taken apart (RFC 9110 §8.3.1): {@code type/subtype} and its parameters. Type, subtype and
 * parameter names are case-insensitive, and so is the value of {@code charset} (RFC 9110 §8.3.2), so all of them are
 * kept in lower case; a quoted parameter value loses its quotes.
 *
 * @param essence    {@code type/subtype} in lower case, e.g. {@code text/html}
 * @param parameters parameter names in lower case, with their values
 */
record MediaType(String essence, Map<String, String> parameters) {

    static MediaType parse(String value) {
        String[] parts = value.split(";");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String text = parameter.substring(equals + 1).strip().replaceAll("^\"(.*)\"$", "$1");
                parameters.put(name, text);
            }
        }
        return new MediaType(parts[0].strip().toLowerCase(Locale.ROOT), parameters);
    }

    /** The charset parameter in lower case, e.g. {@code utf-8}. */
    Optional<String> charset() {
        return Optional.ofNullable(parameters.get("charset")).map(name -> name.toLowerCase(Locale.ROOT));
    }

    /** For REST-assured: a Content-Type value whose {@code type/subtype} is {@code essence}, whatever follows it. */
    static Matcher<String> hasEssence(String essence) {
        return new ContentTypeMatcher("a media type " + essence, type -> type.essence().equals(essence));
    }

    /** A Content-Type value whose charset parameter is {@code charset}, in any case, for REST-assured. */
    static Matcher<String> hasCharset(String charset) {
        return new ContentTypeMatcher("a media type with charset=" + charset,
                type -> type.charset().filter(charset::equals).isPresent());
    }

    /** Takes the field's value apart before it judges it, so that case and spacing do not decide the outcome. */
    private static final class ContentTypeMatcher extends TypeSafeDiagnosingMatcher<String> {

        private final String expected;
        private final Predicate<MediaType> rule;

        ContentTypeMatcher(String expected, Predicate<MediaType> rule) {
            this.expected = expected;
            this.rule = rule;
        }

        @Override
        protected boolean matchesSafely(String value, Description mismatch) {
            mismatch.appendText("was ").appendValue(value);
            return rule.test(parse(value));
        }

        @Override
        public void describeTo(Description description) {
            description.appendText(expected);
        }
    }
}
