package dev.ponte.rd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RdBatchesTest {

    @Test
    void everythingFitsInOneBatch() {
        assertThat(RdBatches.pack(List.of("{\"a\":1}", "{\"b\":2}"), 100))
                .containsExactly(new RdBatches.Chunk("[{\"a\":1},{\"b\":2}]", 2));
    }

    @Test
    void splitsBeforeTheLimitKeepingOrder() {
        String ten = "{\"x\":\"12\"}"; // 10 bytes
        // "[" + 10 + "," + 10 + "]" = 23 bytes; a third event would make 34.
        List<RdBatches.Chunk> chunks = RdBatches.pack(List.of(ten, ten.replace("12", "34"), ten.replace("12", "56")), 23);
        assertThat(chunks).containsExactly(
                new RdBatches.Chunk("[{\"x\":\"12\"},{\"x\":\"34\"}]", 2),
                new RdBatches.Chunk("[{\"x\":\"56\"}]", 1));
        assertThat(chunks).allSatisfy(c -> assertThat(RdBatches.bytes(c.body())).isLessThanOrEqualTo(23));
    }

    @Test
    void aBodyExactlyAtTheLimitIsKept() {
        assertThat(RdBatches.pack(List.of("{\"x\":\"12\"}", "{\"x\":\"34\"}"), 23)).hasSize(1);
        assertThat(RdBatches.pack(List.of("{\"x\":\"12\"}", "{\"x\":\"34\"}"), 22)).hasSize(2);
    }

    @Test
    void countsBytesNotCharacters() {
        String accented = "{\"n\":\"João\"}"; // 12 chars, 13 bytes; two make 29
        assertThat(RdBatches.pack(List.of(accented, accented), 29)).hasSize(1);
        assertThat(RdBatches.pack(List.of(accented, accented), 28)).hasSize(2);
    }

    @Test
    void refusesAnEventLargerThanTheLimit() {
        assertThatThrownBy(() -> RdBatches.pack(List.of("{\"x\":\"123456789\"}"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
