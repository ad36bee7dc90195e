package dev.superapp.batch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay from 127.0.0.1:{@link #port()} to a server, that a test can {@link #cut} (every open connection
 * dropped, new ones refused: the database "stopped"), {@link #freeze} (connections stay open and new ones are
 * accepted, but nothing passes: the database "hangs") and {@link #restore} on the same port, so a test can take
 * a database away from a child process without touching the database the other tests share.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile ServerSocket listener;
    private boolean frozen;

    private TcpProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
    }

    /** Starts relaying a free local port to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), bind(0));
        proxy.accept(proxy.listener);
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Drops every relayed connection and refuses new ones, as a database server that went down. */
    public synchronized void cut() {
        closeQuietly(listener);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Keeps every connection open and accepts new ones, but passes no byte either way, as a hung server. */
    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    /** Accepts and relays again, on the same port, as the database back up (or no longer hung). */
    public synchronized void restore() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
        if (listener.isClosed()) {
            listener = bind(port);
            accept(listener);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket server) {
        daemon("tcp-proxy-accept-" + port, () -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket();
                    upstream.connect(target, 5_000);
                    open.add(client);
                    open.add(upstream);
                    relay(client, upstream);
                    relay(upstream, client);
                } catch (IOException closedOrRefused) {
                    // The listener was cut, or the server behind refused: the client sees its connection end.
                }
            }
        });
    }

    private void relay(Socket from, Socket to) {
        daemon("tcp-proxy-relay-" + port, () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    awaitThawed();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException dropped) {
                // Either side went away, or the proxy was cut: end both.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyClosed) {
            // Nothing to release.
        }
    }
}
