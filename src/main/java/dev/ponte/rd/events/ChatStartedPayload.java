package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** CHAT_STARTED. */
@RecordBuilder
public record ChatStartedPayload(
        String chatSubject,
        String cfChatStatus,
        String cfChatType,
        String cfBirthdate,
        String cfGender,
        String name,
        String email,
        String jobTitle,
        String personalPhone,
        String mobilePhone,
        String twitter,
        String facebook,
        String linkedin,
        String website,
        String companyName,
        String companySite,
        List<LegalBase> legalBases) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    @Override
    public EventType eventType() {
        return EventType.CHAT_STARTED;
    }
}
