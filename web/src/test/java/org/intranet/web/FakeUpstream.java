package org.intranet.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One HTTP server standing in for all four services: it answers which service the request reached (the port of a
 * real one is in the config), echoing method, path, query, Authorization and body; and on .../stream it sends one
 * event, then holds the response open until the test has read that event, as a live notification stream does.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    static final CountDownLatch FIRST_EVENT_READ = new CountDownLatch(1);
    private static final String[] SERVICES = {"profile-service", "feed-service", "search-service", "notification-service"};

    private final Map<String, HttpServer> servers = new HashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newCachedThreadPool());
                server.createContext("/", exchange -> answer(service, exchange));
                server.start();
                servers.put(service, server);
                config.put("intranet.web.proxy.upstream." + service, "http://127.0.0.1:" + server.getAddress().getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return config;
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/stream")) {
            stream(exchange);
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String json = "{\"service\":\"%s\",\"method\":\"%s\",\"uri\":\"%s\",\"authorization\":\"%s\",\"body\":\"%s\"}"
                .formatted(service, exchange.getRequestMethod(), exchange.getRequestURI(), auth,
                        body.replace("\"", "\\\""));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("event: unread\ndata: {\"count\":1}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            FIRST_EVENT_READ.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write("event: unread\ndata: {\"count\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        exchange.close();
    }

    @Override
    public void stop() {
        servers.values().forEach(s -> s.stop(0));
    }
}
