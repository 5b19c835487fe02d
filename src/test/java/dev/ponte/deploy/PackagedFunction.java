package dev.ponte.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * target/function.zip run the way the java21 runtime runs it: unpacked as the task root
 * ({@code /var/task} and {@code /var/task/lib/*} on the class path), started by AWS's runtime
 * interface client with a handler from template.yaml, served by a stand-in Runtime API.
 */
final class PackagedFunction implements AutoCloseable {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static final String HTTP_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final RuntimeApiStandIn runtimeApi;
    private final Process process;
    private final Path log;

    private PackagedFunction(RuntimeApiStandIn runtimeApi, Process process, Path log) {
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.log = log;
    }

    static PackagedFunction start(String name, String handler, Map<String, String> settings, Path work) throws IOException {
        Path taskRoot = unzip(Path.of(System.getProperty("ponte.function-zip")), work.resolve(name));
        String classPath = String.join(File.pathSeparator, taskRoot.toString(), taskRoot.resolve("lib") + "/*",
                Path.of(System.getProperty("ponte.lambda-runtime-client")) + "/*");
        Path log = work.resolve(name + ".log");
        RuntimeApiStandIn runtimeApi = new RuntimeApiStandIn();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_LAMBDA_RUNTIME_API", runtimeApi.address(),
                "_HANDLER", handler,
                "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "AWS_LAMBDA_FUNCTION_NAME", name,
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "AWS_REGION", "us-east-1"));
        environment.putAll(settings);
        environment.values().removeIf(String::isEmpty); // an empty setting leaves the variable out
        builder.environment().putAll(environment);
        return new PackagedFunction(runtimeApi, builder.start(), log);
    }

    /** One invocation: the event in, the function's answer out. */
    String invoke(String event) throws Exception {
        return runtimeApi.invoke(event, Duration.ofSeconds(60));
    }

    /** An HTTP request through the API Gateway the ingress function sits behind: its status and body. */
    record Answer(int status, JsonNode body) {
    }

    Answer http(String path, String body, Map<String, String> headers) throws Exception {
        return http("POST", path, body, headers);
    }

    Answer http(String method, String path, String body, Map<String, String> headers) throws Exception {
        JsonNode answer = JSON.readTree(invoke(JSON.writeValueAsString(httpEvent(method, path, body, headers))));
        String text = bodyOf(answer);
        return new Answer(answer.path("statusCode").asInt(), text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
    }

    static String httpHandler() {
        return HTTP_HANDLER;
    }

    /** What the function printed, for assertion messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no function log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process the way an out-of-memory killer or a pulled plug would: no shutdown hooks run. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        runtimeApi.abandon();
    }

    /** Stops it cleanly, as a platform's SIGTERM does: shutdown hooks run. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
        runtimeApi.abandon();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        runtimeApi.close();
    }

    /** An API Gateway HTTP API (payload format 2.0) request, as the $default route passes it on. */
    static ObjectNode httpEvent(String path, String body, Map<String, String> headers) {
        return httpEvent("POST", path, body, headers);
    }

    static ObjectNode httpEvent(String method, String path, String body, Map<String, String> headers) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "$default")
                .put("rawPath", path)
                .put("rawQueryString", "");
        ObjectNode eventHeaders = event.putObject("headers");
        headers.forEach(eventHeaders::put);
        eventHeaders.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", "123456789012")
                .put("apiId", "abc123")
                .put("domainName", "abc123.execute-api.us-east-1.amazonaws.com")
                .put("domainPrefix", "abc123")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", "$default")
                .put("stage", "$default")
                .put("time", "29/Nov/2026:23:30:00 +0000")
                .put("timeEpoch", 1_796_081_400_000L);
        context.putObject("http")
                .put("method", method)
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "203.0.113.7")
                .put("userAgent", "Shopify-Captain-Hook");
        event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        return event;
    }

    static String bodyOf(JsonNode answer) {
        String body = answer.path("body").asText();
        return answer.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the archive root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
        return into;
    }
}
