package dev.ponte.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * target/function.zip run the way the java21 runtime runs it: unpacked as the task root
 * ({@code /var/task} and {@code /var/task/lib/*} on the class path), started by AWS's runtime
 * interface client with a handler from template.yaml, served by a stand-in Runtime API.
 */
final class PackagedFunction implements AutoCloseable {

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
        builder.environment().putAll(environment);
        return new PackagedFunction(runtimeApi, builder.start(), log);
    }

    /** One invocation: the event in, the function's answer out. */
    String invoke(String event) throws Exception {
        return runtimeApi.invoke(event, Duration.ofSeconds(60));
    }

    /** What the function printed, for assertion messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no function log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        runtimeApi.close();
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
