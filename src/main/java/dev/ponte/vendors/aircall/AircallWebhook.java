package dev.ponte.vendors.aircall;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Aircall's webhook envelope around a call. */
@RegisterForReflection
public record AircallWebhook(String resource, String event, Long timestamp, String token, Call data) {

    @RegisterForReflection
    public record Call(String id, String direction, String status, String missedCallReason, Long startedAt,
            Long answeredAt, Long endedAt, Long duration, String voicemail, String recording, String asset,
            String rawDigits, User user, Contact contact, Number number) {
    }

    @RegisterForReflection
    public record User(String id, String name, String email) {
    }

    @RegisterForReflection
    public record Contact(String id, String firstName, String lastName, String companyName, List<Value> emails,
            List<Value> phoneNumbers) {
    }

    @RegisterForReflection
    public record Value(String label, String value) {
    }

    @RegisterForReflection
    public record Number(String id, String name, String digits) {
    }
}
