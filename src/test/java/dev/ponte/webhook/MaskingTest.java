package dev.ponte.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void emailsKeepTheirFirstLettersAndTopLevelDomain() {
        assertThat(Masking.email("maria.silva@example.com.br")).isEqualTo("m***@e***.br");
        assertThat(Masking.email("a@b.co")).isEqualTo("a***@b***.co");
        assertThat(Masking.email("nonsense")).isEqualTo("***");
        assertThat(Masking.email(null)).isNull();
    }

    @Test
    void phonesKeepCountryCodeAndLastFourDigits() {
        assertThat(Masking.phone("+5511912341234")).isEqualTo("+55*******1234");
        assertThat(Masking.phone("(11) 91234-1234")).isEqualTo("*******1234");
        assertThat(Masking.phone("123")).isEqualTo("***");
    }
}
