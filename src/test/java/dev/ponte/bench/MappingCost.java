package dev.ponte.bench;

import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import dev.ponte.mapping.files.FileMapper;
import dev.ponte.mapping.files.MappingFile;
import dev.ponte.mapping.files.MappingFiles;
import dev.ponte.rd.EcommerceFamily;
import dev.ponte.rd.events.RdJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a mapping file costs: reading and checking the shipped files (and ten) in a fresh JVM, and
 * mapping tawk.to's documented payloads through mappings/tawkto.yaml against the Java mapper it
 * replaced, same payloads, same JVM, after warm-up. Run by {@code bench/mapping-cost.sh}.
 */
public final class MappingCost {

    private static final List<String> FIXTURES = List.of("chat-start", "chat-transcript-created", "ticket-create");

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        List<MappingFile> shipped = dev.ponte.testing.FileVendors.shippedFiles();
        long cold = System.nanoTime() - started;
        Path ten = Files.createTempDirectory("ten-mappings");
        for (int i = 0; i < 10; i++) {
            MappingFile file = shipped.get(i % shipped.size());
            String name = file.file().substring("mappings/".length());
            String text = new String(MappingCost.class.getClassLoader().getResourceAsStream("mappings/" + name)
                    .readAllBytes(), StandardCharsets.UTF_8).replaceFirst("vendor: [a-z-]+", "vendor: copy-" + i);
            Files.writeString(ten.resolve("copy-" + i + ".yaml"), text);
        }
        started = System.nanoTime();
        List<MappingFile> tenRead = MappingFiles.directory(ten);
        long tenWarm = System.nanoTime() - started;
        System.out.printf("read %d shipped files in a fresh JVM: %.1f ms (class loading included)%n", shipped.size(),
                cold / 1e6);
        System.out.printf("read %d more files once the classes are loaded: %.1f ms%n", tenRead.size(), tenWarm / 1e6);

        FileMapper file = new FileMapper(shipped.stream().filter(f -> f.vendor().equals("tawkto")).findFirst().orElseThrow(),
                setting -> null, new FileMapper.Context(Clock.systemUTC(), null, EcommerceFamily.CURRENT));
        JavaTawkTo java = new JavaTawkTo();
        List<Webhook> webhooks = FIXTURES.stream().map(MappingCost::webhook).toList();
        for (Webhook webhook : webhooks) {
            String a = RdJson.tree(((MappingResult.Mapped) file.map(webhook)).events()).toString();
            String b = RdJson.tree(((MappingResult.Mapped) java.map(webhook)).events()).toString();
            if (!a.equals(b)) {
                throw new IllegalStateException("The file and the Java mapper disagree:\n" + a + "\n" + b);
            }
        }
        int seconds = Integer.getInteger("seconds", 5);
        for (int round = 0; round < 2; round++) { // the first round is warm-up
            double javaNs = perMapping(webhooks, w -> java.map(w), seconds);
            double fileNs = perMapping(webhooks, w -> file.map(w), seconds);
            if (round == 1) {
                System.out.printf("tawk.to per webhook (mean of %s): Java %.1f µs, file %.1f µs, file/Java %.2f×%n",
                        String.join(", ", FIXTURES), javaNs / 1e3, fileNs / 1e3, fileNs / javaNs);
            }
        }
    }

    private static double perMapping(List<Webhook> webhooks, java.util.function.Function<Webhook, MappingResult> map,
            int seconds) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long started = System.nanoTime();
        Object sink = null;
        while (System.nanoTime() < until) {
            for (Webhook webhook : webhooks) {
                sink = map.apply(webhook);
                count++;
            }
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - started) / (double) count;
    }

    private static Webhook webhook(String fixture) {
        try {
            byte[] body = Files.readAllBytes(Path.of("src/test/resources/vendors/tawkto/" + fixture + ".json"));
            return new Webhook("tawkto", "/webhooks/tawkto", null, Map.of("X-Hook-Event-Id", "evt-1"), Map.of(), body,
                    Instant.now(), "https://ponte.example.com/webhooks/tawkto");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
