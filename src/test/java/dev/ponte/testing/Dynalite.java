package dev.ponte.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A DynamoDB-compatible server (dynalite, installed from npm by the first test that needs it) on a free local port,
 * with the state table as template.yaml creates it: key {@code pk}, index {@code due}.
 * The AWS SDK finds it the way it finds any endpoint override: {@code aws.endpointUrlDynamoDb},
 * the system-property form of {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
public final class Dynalite implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "ponte-dedupe";
    private static final Path CLI = Path.of("src/test/dynalite/node_modules/dynalite/cli.js");
    private static Process process;
    private static String endpoint;

    /** Starts it once per test JVM and creates the state table as the SAM template does. */
    public static synchronized String ensureStarted() {
        if (endpoint != null) {
            return endpoint;
        }
        try {
            installIfMissing();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            process = new ProcessBuilder("node", CLI.toString(), "--port", String.valueOf(port), "--host", "127.0.0.1",
                    "--createTableMs", "0", "--deleteTableMs", "0").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.contains("listening")) {
                throw new IllegalStateException("dynalite did not start: " + line);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            endpoint = "http://127.0.0.1:" + port;
            AwsTestCredentials.use();
            System.setProperty("aws.endpointUrlDynamoDb", endpoint);
            try (DynamoDbClient dynamo = client()) {
                dynamo.createTable(create -> create.tableName(TABLE)
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("kind").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("due_at").attributeType(ScalarAttributeType.N))
                        .globalSecondaryIndexes(index -> index.indexName("due")
                                .keySchema(k -> k.attributeName("kind").keyType(KeyType.HASH),
                                        k -> k.attributeName("due_at").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .billingMode("PAY_PER_REQUEST"));
                // dynalite has no UpdateTimeToLive. Nothing depends on it: DynamoDB's TTL only
                // sweeps expired items eventually, and every claim treats them as gone already.
            }
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * dynalite comes from npm, installed here rather than by the build so that only the tests that
     * start it need Node: dev mode and the packaged jar never do.
     */
    private static void installIfMissing() throws IOException {
        if (Files.exists(CLI)) {
            return;
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(CLI.getParent().getParent().getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("The DynamoDB tests start dynalite, which needs Node.js with npm on the PATH: "
                    + e.getMessage(), e);
        }
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(CLI)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in src/test/dynalite did not install " + CLI);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while npm installed dynalite", e);
        }
    }

    /** What a packaged function needs to find the table here, as Lambda would give it the real one. */
    public static Map<String, String> environment() {
        return Map.of("PONTE_DEDUPE_TABLE", TABLE, "AWS_ENDPOINT_URL_DYNAMODB", ensureStarted(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
    }

    public static DynamoDbClient client() {
        return DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of("ponte.dedupe.table", TABLE);
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; the shutdown hook ends it.
    }

    static void stopNow() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
