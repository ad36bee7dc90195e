package dev.superapp.batch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Talks HTTP over a plain socket, to prove what a server does before a request's body arrives: the headers go
 * out, the body never does, and the answer must come within five seconds (a server waiting for the body would
 * make the read time out, and the test fail).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, ending with the blank line) and returns the status line. */
    public static String answerToHeadersAlone(int port, String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }
}
