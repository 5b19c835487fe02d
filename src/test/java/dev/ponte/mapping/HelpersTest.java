package dev.ponte.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.rd.events.LegalBase;
import dev.ponte.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelpersTest {

    private static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void hmacsMatchKnownVectors() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.hex(Signatures.Algorithm.SHA256, "Jefe", data))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // RFC 2202 test case 2, HMAC-SHA1
        assertThat(Signatures.hex(Signatures.Algorithm.SHA1, "Jefe", data))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    @Test
    void signaturesAreComparedInBothEncodings() {
        String base64 = Signatures.base64(Signatures.Algorithm.SHA256, "s", BODY);
        String hex = Signatures.hex(Signatures.Algorithm.SHA1, "s", BODY);
        assertThat(Signatures.matchesBase64(Signatures.Algorithm.SHA256, "s", BODY, base64)).isTrue();
        assertThat(Signatures.matchesBase64(Signatures.Algorithm.SHA256, "t", BODY, base64)).isFalse();
        assertThat(Signatures.matchesHex(Signatures.Algorithm.SHA1, "s", BODY, hex.toUpperCase())).isTrue();
        assertThat(Signatures.matchesHex(Signatures.Algorithm.SHA1, "s", BODY, hex.substring(1))).isFalse();
        assertThat(Signatures.matchesHex(Signatures.Algorithm.SHA1, null, BODY, hex)).isFalse();
    }

    @Test
    void aSignedTimeMustBeRecentAndNotFromTheFuture() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
        Duration fiveMinutes = Duration.ofMinutes(5);
        Duration skew = Duration.ofSeconds(30);
        assertThat(Signatures.fresh(Instant.parse("2026-11-27T11:56:00Z"), clock, fiveMinutes, skew)).isTrue();
        assertThat(Signatures.fresh(Instant.parse("2026-11-27T11:54:59Z"), clock, fiveMinutes, skew)).isFalse();
        assertThat(Signatures.fresh(Instant.parse("2026-11-27T12:00:30Z"), clock, fiveMinutes, skew)).isTrue();
        assertThat(Signatures.fresh(Instant.parse("2026-11-27T12:00:31Z"), clock, fiveMinutes, skew)).isFalse();
    }

    @Test
    void paymentMethodsMapToRdsFourOptions() {
        assertThat(PaymentMethods.of("boleto")).isEqualTo("Invoice");
        assertThat(PaymentMethods.of("Boleto Bancário")).isEqualTo("Invoice");
        assertThat(PaymentMethods.of("pix")).isEqualTo("Others");
        assertThat(PaymentMethods.of("Cartão de débito")).isEqualTo("Debit Card");
        assertThat(PaymentMethods.of("credit_card")).isEqualTo("Credit Card");
        assertThat(PaymentMethods.of("visa", "bogus")).isEqualTo("Credit Card");
        assertThat(PaymentMethods.of("manual", "visa")).isEqualTo("Credit Card");
        assertThat(PaymentMethods.of("Cash on Delivery (COD)")).isEqualTo("Others");
        assertThat(PaymentMethods.of(List.of())).isEqualTo("Others");
        assertThat(PaymentMethods.of(null, "boleto")).isEqualTo("Invoice");
        assertThat(PaymentMethods.of((String) null)).isEqualTo("Others");
    }

    @Test
    void phonesBecomeE164() {
        assertThat(Contacts.phone("(11) 91234-5678")).isEqualTo("+5511912345678");
        assertThat(Contacts.phone("011 3456-7890")).isEqualTo("+551134567890");
        assertThat(Contacts.phone("+55 11 91234-5678")).isEqualTo("+5511912345678");
        assertThat(Contacts.phone("5511912345678")).isEqualTo("+5511912345678");
        assertThat(Contacts.phone("+1(502)-459-2181")).isEqualTo("+15024592181");
        assertThat(Contacts.phone("555-555-SHIP")).isNull();
        assertThat(Contacts.phone("12345")).isNull();
    }

    @Test
    void emailsAreCleaned() {
        assertThat(Contacts.email(null, " ", "Maria.Silva@Example.com ")).isEqualTo("maria.silva@example.com");
        assertThat(Contacts.email("not an email")).isNull();
    }

    @Test
    void moneyStaysExact() {
        assertThat(Money.of("1575.90")).isEqualTo(new BigDecimal("1575.90"));
        assertThat(Money.of((String) null)).isNull();
        assertThatThrownBy(() -> Money.of("R$ 10")).isInstanceOf(MalformedPayload.class);
    }

    @Test
    void legalBasesAreReadFromConfiguration() {
        assertThat(LegalBases.parse(Optional.of("data_processing:pre_existent_contract, communications:consent:granted")))
                .containsExactly(LegalBase.dataProcessing("pre_existent_contract"),
                        LegalBase.communications("consent", "granted"));
        assertThatThrownBy(() -> LegalBases.parse(Optional.of("consent"))).hasMessageContaining("category:type[:status]");
    }
}
