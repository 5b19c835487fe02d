package dev.ponte.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS-compatible server (ElasticMQ) in this JVM. The AWS SDK reaches it through
 * {@code aws.endpointUrlSqs}, the system-property form of {@code AWS_ENDPOINT_URL_SQS}.
 */
public final class ElasticMq implements QuarkusTestResourceLifecycleManager {

    private static SQSRestServer server;
    private static String endpoint;

    public static synchronized String ensureStarted() {
        if (endpoint == null) {
            server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
            int port = server.waitUntilStarted().localAddress().getPort();
            endpoint = "http://127.0.0.1:" + port;
            AwsTestCredentials.use();
            System.setProperty("aws.endpointUrlSqs", endpoint);
            // stop(), not stopAndWait(): a poller's open long poll must not hold the JVM's exit.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopAndGetFuture().apply()));
        }
        return endpoint;
    }

    public static SqsClient client() {
        return SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** A new, empty queue; its URL. */
    public static String queue(String name) {
        ensureStarted();
        try (SqsClient sqs = client()) {
            return sqs.createQueue(create -> create.queueName(name)).queueUrl();
        }
    }

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of();
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; the shutdown hook ends it.
    }
}
