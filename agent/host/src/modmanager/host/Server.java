package modmanager.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * STARFACE's XML-RPC endpoint: {@code POST /xml-rpc?de.vertico.starface.auth=<login>:<hash>},
 * method {@code <instance name>.<entry point>}, one struct in, one struct out.
 *
 * <p>Answers where real STARFACE behaviour is unknown (see agent/host/README.md): a wrong login
 * is XML-RPC fault 1 (or HTTP 401 with authFailure "http401"); an unknown or inactive instance
 * or an unknown entry point is fault 2; a malformed call and anything that fails while running
 * the function (an exception from execute, a descriptor the host cannot follow) is fault 0.
 * A call with anything but exactly one struct runs the function with no input set.
 */
final class Server {
    static final String AUTH_PARAMETER = "de.vertico.starface.auth";
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** A too large body is read on (and dropped) up to this much, so the client gets its 413. */
    static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;
    static final int FAULT_FUNCTION = 0;
    static final int FAULT_AUTH = 1;
    static final int FAULT_UNKNOWN = 2;

    private final HostConfig config;
    private final HostServices services;
    private final List<byte[]> tokens = new ArrayList<>();
    private HttpsServer server;
    private ExecutorService executor;

    Server(HostConfig config, HostServices services) {
        this.config = config;
        this.services = services;
        for (Map.Entry<String, String> user : config.users.entrySet()) {
            String token = user.getKey() + ":" + sha512Hex(user.getKey() + "*" + sha512Hex(user.getValue()));
            tokens.add(token.getBytes(StandardCharsets.UTF_8));
        }
    }

    int start(SSLContext ssl) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(config.bind, config.port), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "xml-rpc");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getRawPath().equals("/xml-rpc")) {
                plain(exchange, 404, "not found");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                plain(exchange, 405, "method not allowed");
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                plain(exchange, 413, "request too large");
                return;
            }
            if (!authorized(exchange.getRequestURI().getRawQuery())) {
                if (config.authFailure.equals("http401")) {
                    exchange.sendResponseHeaders(401, -1);
                } else {
                    xml(exchange, XmlRpc.fault(FAULT_AUTH, "authentication failed"));
                }
                return;
            }
            xml(exchange, answer(body));
        } catch (RuntimeException error) {
            HostLog.error("request failed", error);
            plain(exchange, 500, "internal server error");
        } finally {
            exchange.close();
        }
    }

    private byte[] answer(byte[] body) {
        XmlRpc.Call call;
        try {
            call = XmlRpc.parseCall(body);
        } catch (XmlRpc.BadCall error) {
            return XmlRpc.fault(FAULT_FUNCTION, error.getMessage());
        }
        int dot = call.method.lastIndexOf('.');
        if (dot <= 0 || dot == call.method.length() - 1) {
            return XmlRpc.fault(FAULT_UNKNOWN, "unknown method " + call.method);
        }
        String instanceName = call.method.substring(0, dot);
        String entryName = call.method.substring(dot + 1);
        Pbx.Target target = services.pbx().target(instanceName);
        if (target == null) {
            return XmlRpc.fault(FAULT_UNKNOWN, "unknown method " + call.method + ": no active module instance "
                    + instanceName);
        }
        Descriptor.RpcEntryPoint entryPoint = null;
        for (Descriptor.RpcEntryPoint candidate : target.module.descriptor().rpcEntryPoints) {
            if (entryName.equals(candidate.name) && "XMLRPC_auth".equals(candidate.type)) {
                entryPoint = candidate;
                break;
            }
        }
        if (entryPoint == null) {
            return XmlRpc.fault(FAULT_UNKNOWN, "unknown method " + call.method + ": no entry point " + entryName);
        }
        // Anything but exactly one struct fills no input variable: the function runs with nulls
        // (what STARFACE does then is not known; this way the agent's own check answers).
        Map<String, Object> struct = new java.util.HashMap<>();
        if (call.params.size() == 1 && call.params.get(0) instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> only = (Map<String, Object>) call.params.get(0);
            struct = only;
        }
        try {
            return XmlRpc.response(new Invoker(services, target).invoke(entryPoint, struct));
        } catch (Invoker.Failure failure) {
            HostLog.log(instanceName, "ERROR", call.method + ": " + failure.getMessage(), failure.getCause());
            return XmlRpc.fault(FAULT_FUNCTION, failure.getMessage());
        }
    }

    private boolean authorized(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            if (!key.equals(AUTH_PARAMETER)) {
                continue;
            }
            byte[] given = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
            boolean match = false;
            for (byte[] token : tokens) {
                match |= MessageDigest.isEqual(token, given);
            }
            return match;
        }
        return false;
    }

    /** The body, or null when it is larger than MAX_BODY_BYTES (then read on, up to a bound, and dropped). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    if (total > MAX_DRAIN_BYTES) {
                        break;
                    }
                    continue;
                }
                out.write(buffer, 0, n);
            }
        }
        return total > MAX_BODY_BYTES ? null : out.toByteArray();
    }

    private static void xml(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        send(exchange, 200, body);
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String sha512Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException error) {
            throw new IllegalStateException(error);
        }
    }
}
