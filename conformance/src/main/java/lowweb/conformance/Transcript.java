package lowweb.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one test sent and received over raw sockets, kept so that a failure can show the bytes and a command
 * that reproduces the request by hand. A head and a body that is text are shown up to 2 KB each, a body that is not,
 * such as an image, as its length and first bytes (see {@link Bytes#message}).
 */
public final class Transcript {

    private final List<String> entries = new ArrayList<>();

    synchronized void sent(String where, byte[] bytes) {
        entries.add(">>> sent to " + where + " (" + bytes.length + " bytes):\n" + Bytes.message(bytes)
                + "\n--- reproduce with:\n" + reproduction(where, bytes));
    }

    synchronized void received(String where, byte[] bytes, String ending) {
        entries.add("<<< received from " + where + " (" + bytes.length + " bytes, " + ending + "):\n"
                + Bytes.message(bytes));
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public synchronized String toString() {
        return String.join("\n\n", entries);
    }

    /** A curl line when the bytes are a plain request curl can send, otherwise printf piped into nc. */
    static String reproduction(String where, byte[] bytes) {
        String hostPort = where;
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String nc = "printf " + Bytes.printfArgument(bytes) + " | nc " + hostPort.replace(':', ' ');
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0 || headEnd + 4 != text.length()) {
            return nc;
        }
        String[] lines = text.substring(0, headEnd).split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !requestLine[1].startsWith("/") || !requestLine[2].equals("HTTP/1.1")
                || !requestLine[0].matches("[A-Z]+")) {
            return nc;
        }
        StringBuilder curl = new StringBuilder("curl -v --raw --path-as-is");
        if (requestLine[0].equals("HEAD")) {
            curl.append(" --head");
        } else if (!requestLine[0].equals("GET")) {
            curl.append(" -X ").append(requestLine[0]);
        }
        for (int i = 1; i < lines.length; i++) {
            curl.append(" -H '").append(lines[i].replace("'", "'\\''")).append('\'');
        }
        curl.append(" 'http://").append(hostPort).append(requestLine[1].replace("'", "%27")).append('\'');
        return curl + "\n  or: " + nc;
    }
}
