package dev.ponte.delivery.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void packsTheBytesGzipOutputStreamWrites() throws IOException {
        for (byte[] raw : samples()) {
            assertThat(Gzip.pack(raw)).isEqualTo(jdkGzip(raw));
            assertThat(Gzip.unpack(Gzip.pack(raw))).isEqualTo(raw);
        }
    }

    @Test
    void aReusedCompressorStartsAfresh() {
        byte[] first = "{\"events\":[{\"event_type\":\"SALE\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] alone = Gzip.pack(second);
        Gzip.pack(first);
        assertThat(Gzip.pack(second)).isEqualTo(alone);
    }

    @Test
    void threadsPackingAtOnceEachGetTheirOwnBytes() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                byte[] raw = ("{\"order\":" + i + ",\"email\":\"maria" + i + "@example.com\"}").repeat(1 + i % 50)
                        .getBytes(StandardCharsets.UTF_8);
                checks.add(threads.submit(() -> java.util.Arrays.equals(Gzip.unpack(Gzip.pack(raw)), raw)));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<byte[]> samples() {
        byte[] random = new byte[100_000];
        new Random(7).nextBytes(random); // incompressible: the output outgrows every buffer guess
        return List.of(new byte[0], "x".getBytes(StandardCharsets.UTF_8),
                "{\"event_type\":\"SALE\",\"payload\":{\"email\":\"maria@example.com\"}}".repeat(300)
                        .getBytes(StandardCharsets.UTF_8),
                random);
    }

    private static byte[] jdkGzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        }
        return out.toByteArray();
    }
}
