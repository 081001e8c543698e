package lowweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One client's connection. The echo server sends back every byte it receives, unchanged, until the client closes its
 * side. Bytes, not text: the server never decodes what it echoes, so any encoding and any binary data survive.
 */
final class Connection {

    private static final int BUFFER_SIZE = 8192;

    private final Socket socket;

    Connection(Socket socket) {
        this.socket = socket;
    }

    void handle() {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[BUFFER_SIZE];
            int count;
            while ((count = in.read(buffer)) != -1) {
                out.write(buffer, 0, count);
                // Flush at once: the client waits for its bytes before sending more.
                out.flush();
            }
        } catch (IOException e) {
            // A reset or broken connection ends this client only; the server goes on with the next one.
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
        }
    }
}
