package dev.ponte.mapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;

/**
 * Something a webhook teaches Ponte, kept only once RD has accepted the delivery it came with
 * (which email a visitor cookie belongs to, when an attendee joined). Mappers declare facts;
 * they never write them: a mapping stays pure, and a delivery that fails teaches nothing.
 */
@RegisterForReflection
public record Fact(String key, String value, long keepSeconds) {

    public static Fact of(String key, String value, Duration keep) {
        return new Fact(key, value, keep.toSeconds());
    }

    @JsonIgnore
    public Duration keep() {
        return Duration.ofSeconds(keepSeconds);
    }
}
