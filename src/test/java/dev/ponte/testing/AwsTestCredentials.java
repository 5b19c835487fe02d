package dev.ponte.testing;

/** What the AWS SDK's default chains read, set for the local stand-ins (which check nothing). */
final class AwsTestCredentials {

    private AwsTestCredentials() {
    }

    static void use() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }
}
