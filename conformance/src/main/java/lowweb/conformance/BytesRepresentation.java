package lowweb.conformance;

import org.assertj.core.presentation.StandardRepresentation;

/**
 * How a failure message shows the values it compares: as AssertJ does, except bytes. AssertJ would print a body as
 * a thousand signed numbers; here it is shown as a transcript shows it ({@link Bytes#message}), with its length:
 * text as text, up to 2 KB, anything else as its first bytes in hex.
 */
final class BytesRepresentation extends StandardRepresentation {

    static final BytesRepresentation INSTANCE = new BytesRepresentation();

    private BytesRepresentation() {
    }

    @Override
    public String toStringOf(Object object) {
        if (object instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)\n" + Bytes.message(bytes);
        }
        return super.toStringOf(object);
    }
}
