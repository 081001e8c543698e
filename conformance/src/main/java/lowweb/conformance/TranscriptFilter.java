package lowweb.conformance;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Puts a REST-assured exchange into the test's transcript, so that a failing given/when/then test shows the request
 * and the response as a raw-socket test does. The request is written as the test asked for it, with the Host field
 * the client adds; the response is the status line, fields and body as the client read them.
 */
final class TranscriptFilter implements Filter {

    private final Transcript transcript;
    private final String where;

    TranscriptFilter(Transcript transcript, String where) {
        this.transcript = transcript;
        this.where = where;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        transcript.sent(where, requestHead(request));
        Response response = context.next(request, expected);
        transcript.received(where, responseBytes(response), "as REST-assured read it");
        return response;
    }

    private byte[] requestHead(FilterableRequestSpecification request) {
        URI uri = URI.create(request.getURI());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(request.getMethod()).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(where).append("\r\n");
        for (Header header : request.getHeaders()) {
            head.append(header.getName()).append(": ").append(header.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] responseBytes(Response response) {
        StringBuilder head = new StringBuilder(response.getStatusLine()).append("\r\n");
        for (Header header : response.getHeaders()) {
            head.append(header.getName()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(response.asByteArray());
        return bytes.toByteArray();
    }
}
