package dev.ponte.delivery.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Deliveries, letters and journal entries are JSON with base64 bodies: gzip keeps them well inside
 * DynamoDB's 400 KB items, and the in-memory journal small.
 *
 * <p>Packing runs on the request path (the journal keeps every webhook's events packed), so it
 * reuses compressors: {@code GZIPOutputStream} makes a new {@link Deflater} each time, and making
 * one (zlib allocating and clearing a quarter of a megabyte of native state) cost about as much
 * as compressing a webhook's events. The bytes are those {@code GZIPOutputStream} writes (same
 * header, default level, CRC-32 and length trailer), so anything packed before reads the same.
 */
public final class Gzip {

    /** Magic, deflate, no flags, no time, no extra flags, operating system unknown (255). */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /**
     * At most four idle compressors, not one per thread: each holds about 260 KB of native memory
     * until ended. Beyond four packing at once, each extra one is made for its call and ended
     * after it.
     */
    private static final ArrayBlockingQueue<Deflater> IDLE = new ArrayBlockingQueue<>(4);

    private Gzip() {
    }

    public static byte[] pack(byte[] raw) {
        Deflater deflater = IDLE.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            out.writeBytes(HEADER);
            deflater.setInput(raw);
            deflater.finish();
            byte[] chunk = new byte[Math.min(Math.max(raw.length, 64), 8192)];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            CRC32 crc = new CRC32();
            crc.update(raw);
            writeIntLittleEndian(out, (int) crc.getValue());
            writeIntLittleEndian(out, raw.length);
            return out.toByteArray();
        } finally {
            deflater.reset();
            if (!IDLE.offer(deflater)) {
                deflater.end();
            }
        }
    }

    public static byte[] unpack(byte[] packed) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
