package dev.signozha.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the mock API server that turns one answer into a dropped connection: where the server
 * answers with status {@link #RESET_STATUS}, the relay resets the client's connection (an RST, SO_LINGER 0)
 * instead of passing the answer on, so the client sees what it sees when a load balancer or a restarting API
 * server drops it: "Connection reset", not an answer and not a timeout. The mock server itself can only answer
 * or stay silent, hence the relay. Everything else is relayed byte for byte, WebSocket watches included.
 */
public final class ResettingProxy implements AutoCloseable {

    /** The status a dispatcher answers with to have the relay reset the connection instead. */
    public static final int RESET_STATUS = 599;

    private static final byte[] MARKER = ("HTTP/1.1 " + RESET_STATUS + " ").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** Relays to the server at {@code upstream} (an http URL), from a port of its own on the loopback address. */
    public ResettingProxy(URI upstream) {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("relay-accept", this::accept);
    }

    /** The URL clients use instead of the server's. */
    public String url() {
        return "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort() + "/";
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                open.add(client);
                open.add(server);
                daemon("relay-up", () -> pump(client, server, false));
                daemon("relay-down", () -> pump(server, client, true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Copies {@code from} to {@code to}; answers to the server's side marked for reset end in one. */
    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int marker = answers ? indexOf(buffer, read) : -1;
                out.write(buffer, 0, marker < 0 ? read : marker);
                out.flush();
                if (marker >= 0) {
                    reset(to);
                    close(from);
                    return;
                }
            }
        } catch (IOException e) {
            // one side went away: the other goes too, as through any relay
        }
        close(from);
        close(to);
    }

    /** Where the reset marker starts in the first {@code length} bytes of {@code bytes}, or -1. */
    private static int indexOf(byte[] bytes, int length) {
        for (int i = 0; i + MARKER.length <= length; i++) {
            if (Arrays.equals(bytes, i, i + MARKER.length, MARKER, 0, MARKER.length)) {
                return i;
            }
        }
        return -1;
    }

    private void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        close(socket);
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(this::close);
    }
}
