package lowweb;

/**
 * The four forms a request-target takes (RFC 9112 §3.2), and which methods may use which. The form is part of the
 * message's syntax, so a form that does not fit the method is a malformed request (400), decided before the method
 * itself is looked at: {@code POST *} is not a POST this server refuses, it is no request at all.
 *
 * <ul>
 *     <li>origin-form {@code /docs/index.html?x=1}: the form of every request to an origin server (§3.2.1);</li>
 *     <li>absolute-form {@code http://example.org/docs/}: an origin server must accept it too, since a client
 *         talking to a proxy sends it and the proxy may pass it on as it is (§3.2.2);</li>
 *     <li>authority-form {@code example.org:443}: CONNECT only, which asks a proxy for a tunnel (§3.2.3);</li>
 *     <li>asterisk-form {@code *}: OPTIONS only, asking about the server rather than a resource (§3.2.4).</li>
 * </ul>
 *
 * <p>CONNECT itself is left to the method check, whatever its target: this server is no proxy and opens no tunnels,
 * so every CONNECT gets 405, as it has since stage 3.
 */
final class TargetForm {

    /** RFC 9110 §4.2.1: how an "http" URI starts, the scheme compared without case (RFC 3986 §3.1). */
    private static final String HTTP = "http://";

    private TargetForm() {
    }

    /**
     * The request line with its target in origin-form, the form that names a file on this server. RFC 9112 §3.2.2:
     * for an absolute-form target the host it names takes the place of the Host field. This server serves one site
     * whatever the host, so taking its place means only that the two are never compared; Host must still be there
     * and valid (§3.2), or a proxy on the way and this server could disagree about the request.
     */
    static RequestLine originForm(RequestLine line) throws HttpError {
        String method = line.method();
        String target = line.target();
        if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw new HttpError(Status.BAD_REQUEST, "the asterisk-form \"*\" is for OPTIONS only, not " + method);
            }
            return line;
        }
        if (isAuthorityForm(target) && !method.equals("CONNECT")) {
            throw new HttpError(Status.BAD_REQUEST, "the authority-form is for CONNECT only, not " + method);
        }
        if (target.startsWith("/") || method.equals("CONNECT")) {
            return line;
        }
        // A fragment ("#") is never part of a request-target (RFC 9112 §3.2).
        if (!target.regionMatches(true, 0, HTTP, 0, HTTP.length()) || target.indexOf('#') >= 0) {
            throw new HttpError(Status.BAD_REQUEST, "request-target is neither origin-form nor an http URI: " + target);
        }
        // RFC 9110 §4.2.1: the authority, which must name a host, then the path and query, which may be empty.
        int authorityEnd = HTTP.length();
        while (authorityEnd < target.length() && "/?".indexOf(target.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = target.substring(HTTP.length(), authorityEnd);
        // RFC 9110 §4.2.1: an http URI without a host is invalid; §4.2.4: userinfo ("user@") is refused, it would
        // only show a password in logs. Neither fits host[:port].
        if (authority.isEmpty() || authority.startsWith(":") || !Request.isHost(authority)) {
            throw new HttpError(Status.BAD_REQUEST, "absolute-form target without a valid host: " + target);
        }
        String rest = target.substring(authorityEnd);
        // RFC 9112 §3.2.1: an empty path is sent as "/" in origin-form.
        String originForm = rest.startsWith("/") ? rest : "/" + rest;
        return new RequestLine(method, originForm, line.version());
    }

    /** RFC 9112 §3.2.3: authority-form = uri-host ":" port, the port required. */
    private static boolean isAuthorityForm(String target) {
        int colon = Request.uriHostEnd(target);
        return colon >= 0 && colon < target.length() - 1 && target.charAt(colon) == ':'
                && FieldSyntax.isDigits(target, colon + 1, target.length());
    }
}
