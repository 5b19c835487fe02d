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
        perMapping(webhooks, w -> java.map(w), seconds); // warm-up of both, before anything is measured
        perMapping(webhooks, w -> file.map(w), seconds);
        report("mean of " + String.join(", ", FIXTURES), webhooks, java, file, seconds);
        for (int i = 0; i < webhooks.size(); i++) {
            report(FIXTURES.get(i), List.of(webhooks.get(i)), java, file, seconds);
        }
    }

    /**
     * Java and file measured in turn, {@link #ROUNDS} times each for {@code seconds}/{@link #ROUNDS}
     * per round; the medians, so that one round disturbed by the machine does not decide.
     */
    private static void report(String what, List<Webhook> webhooks, JavaTawkTo java, FileMapper file, int seconds) {
        double[] javaNs = new double[ROUNDS];
        double[] fileNs = new double[ROUNDS];
        double slice = Math.max(0.2, seconds / (double) ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            javaNs[round] = perMapping(webhooks, w -> java.map(w), slice);
            fileNs[round] = perMapping(webhooks, w -> file.map(w), slice);
        }
        double j = median(javaNs);
        double f = median(fileNs);
        System.out.printf("tawk.to per webhook, %-60s Java %.2f µs, file %.2f µs, file/Java %.2f×%n", what + ":", j / 1e3,
                f / 1e3, f / j);
    }

    private static final int ROUNDS = 9;

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * CPU time of this thread per mapping, not wall time: on a shared machine, time the thread
     * spends descheduled would otherwise be charged to whichever side happened to be running.
     */
    private static double perMapping(List<Webhook> webhooks, java.util.function.Function<Webhook, MappingResult> map,
            double seconds) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + (long) (seconds * 1_000_000_000L);
        long count = 0;
        long started = threads.getCurrentThreadCpuTime();
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
        return (threads.getCurrentThreadCpuTime() - started) / (double) count;
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
