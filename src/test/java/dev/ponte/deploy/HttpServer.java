package dev.ponte.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP server build ({@code -Phttp}, as users run it on Cloud Run, Fly or a VM) started as its
 * own process on a free port, for what only a real socket shows: slow clients, connection limits.
 */
final class HttpServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final Map<String, String> settings;

    private HttpServer(Process process, Path log, int port, Map<String, String> settings) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.settings = Map.copyOf(settings);
    }

    /**
     * The packaged server on dev mode's configuration (the sandbox as RD and as the store APIs,
     * dev mode's secrets and token), the sandbox on a free port, with {@code more} on top.
     */
    static HttpServer startDevProfile(Map<String, String> more, Path work) throws Exception {
        return startDevProfile(more, work, List.of());
    }

    /** As {@link #startDevProfile(Map, Path)}, the JVM started with {@code jvmOptions}. */
    static HttpServer startDevProfile(Map<String, String> more, Path work, List<String> jvmOptions) throws Exception {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("QUARKUS_PROFILE", "dev");
        settings.put("PONTE_SANDBOX_PORT", String.valueOf(freePort()));
        return start(settings, work, jvmOptions);
    }

    static HttpServer start(Map<String, String> settings, Path work) throws Exception {
        return start(settings, work, List.of());
    }

    private static HttpServer start(Map<String, String> settings, Path work, List<String> jvmOptions) throws Exception {
        int port = freePort();
        Path log = work.resolve("ponte-http.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("ponte.http-server")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        HttpServer server = new HttpServer(builder.start(), log, port, environment);
        server.awaitLive();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A URL on the sandbox of a server started with {@link #startDevProfile}. */
    String sandboxUrl(String path) {
        return "http://localhost:" + settings.get("PONTE_SANDBOX_PORT") + path;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private void awaitLive() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ponte exited at start-up:\n" + log());
            }
            try {
                HttpResponse<Void> live = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/live"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (live.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Ponte did not come up within 30 s:\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
