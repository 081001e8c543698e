package lowweb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What a client expects of the server before it sends a request's content (RFC 9110 §10.1.1). A client about to
 * upload a body can send {@code Expect: 100-continue} and hold the content back until the server has looked at the
 * head: the interim response 100 Continue asks for the content, a final status such as 405 spares the client sending
 * content that would only be thrown away. A client that hears neither sends the content after a wait of its own (a
 * second, for curl), so a server that ignored the field would make every such upload that much slower.
 */
enum Expectation {

    /** Nothing to wait for: no expectation, an HTTP/1.0 request, or a request without content. */
    NONE,
    /** The client holds the content back until it hears 100 Continue or a final status. */
    CONTINUE;

    /** How the connection sends the interim response 100 Continue (RFC 9110 §15.2.1). */
    @FunctionalInterface
    interface InterimResponse {
        void send() throws IOException;
    }

    /**
     * What the request expects. RFC 9110 §10.1.1: a server must ignore 100-continue in an HTTP/1.0 request; HTTP/1.0
     * has neither the Expect field nor interim responses, so its client waits for nothing, whatever the field says.
     * Nor is there anything to wait for when no content follows the head.
     *
     * @throws HttpError 417 for any expectation other than 100-continue, which this server cannot meet
     */
    static Expectation of(Request request, RequestBody.Framing framing) throws HttpError {
        List<String> expectations = request.fields().elements("Expect");
        if (expectations.isEmpty() || request.line().version().equals("HTTP/1.0")) {
            return NONE;
        }
        // The expectation is a case-insensitive token (RFC 9110 §10.1.1); "100-continue" is the only one defined.
        if (!expectations.stream().allMatch(expectation -> expectation.equalsIgnoreCase("100-continue"))) {
            throw new HttpError(Status.EXPECTATION_FAILED, "expectation cannot be met: " + expectations);
        }
        boolean contentFollows = switch (framing) {
            case RequestBody.None none -> false;
            case RequestBody.Length(long bytes) -> bytes > 0;
            case RequestBody.Chunked chunked -> true;
        };
        return contentFollows ? CONTINUE : NONE;
    }

    /**
     * Whether the response refuses the request before its content is read, instead of asking for the content. A
     * refusal (4xx, 5xx) is known from the head alone, so a waiting client hears it at once (RFC 9110 §10.1.1). The
     * client may then send the content or not, and the server cannot tell which: it closes the connection after
     * this response. Any other response waits for the content, which keeps the connection open.
     */
    boolean refusesBeforeContent(Response response) {
        return this == CONTINUE && response.status().code() >= 400;
    }

    /**
     * The content as the server reads it. A waiting client is sent 100 Continue when the server first reads: every
     * check that needs only the head has been made by then, and content the server never reads is never asked for.
     */
    InputStream content(InputStream in, InterimResponse sendContinue) {
        return this == CONTINUE ? new ContinueOnFirstRead(in, sendContinue) : in;
    }

    /** A stream that sends 100 Continue before the first byte is read or skipped. */
    private static final class ContinueOnFirstRead extends FilterInputStream {

        private InterimResponse sendContinue;

        ContinueOnFirstRead(InputStream in, InterimResponse sendContinue) {
            super(in);
            this.sendContinue = sendContinue;
        }

        @Override
        public int read() throws IOException {
            askForContent();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            askForContent();
            return super.read(buffer, offset, length);
        }

        @Override
        public long skip(long count) throws IOException {
            askForContent();
            return super.skip(count);
        }

        private void askForContent() throws IOException {
            if (sendContinue != null) {
                InterimResponse once = sendContinue;
                sendContinue = null;
                once.send();
            }
        }
    }
}
