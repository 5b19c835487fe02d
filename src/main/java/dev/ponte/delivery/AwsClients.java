package dev.ponte.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients, built on first use only: a deployment without a dedupe table or queue never
 * pays for them at start-up. Region, credentials and endpoint overrides
 * ({@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_SQS}) follow the SDK's own rules.
 */
@ApplicationScoped
public class AwsClients {

    private volatile DynamoDbClient dynamo;
    private volatile SqsClient sqs;

    public DynamoDbClient dynamo() {
        DynamoDbClient client = dynamo;
        if (client == null) {
            synchronized (this) {
                if (dynamo == null) {
                    dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                }
                client = dynamo;
            }
        }
        return client;
    }

    public SqsClient sqs() {
        SqsClient client = sqs;
        if (client == null) {
            synchronized (this) {
                if (sqs == null) {
                    sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                }
                client = sqs;
            }
        }
        return client;
    }
}
