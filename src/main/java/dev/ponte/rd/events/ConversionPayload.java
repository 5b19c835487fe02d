package dev.ponte.rd.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/** CONVERSION. {@code customFields} holds the account's {@code cf_*} fields, sent flat beside the others. */
@RecordBuilder
public record ConversionPayload(
        String conversionIdentifier,
        String name,
        String email,
        String jobTitle,
        String state,
        String city,
        String country,
        String personalPhone,
        String mobilePhone,
        String twitter,
        String facebook,
        String linkedin,
        String website,
        String companyName,
        String companySite,
        String companyAddress,
        String clientTrackingId,
        String trafficSource,
        String trafficMedium,
        String trafficCampaign,
        String trafficValue,
        List<String> tags,
        Boolean availableForMailing,
        List<LegalBase> legalBases,
        @JsonAnySetter @JsonAnyGetter Map<String, String> customFields) implements RdPayload, NamesPersonalPhone, NamesMobilePhone {

    /**
     * A custom field given as null has no value to send and is left out ({@code Map.copyOf}
     * refuses nulls: such a body, valid by RD's rules, was answered 500).
     */
    public ConversionPayload {
        customFields = customFields == null ? Map.of() : customFields.entrySet().stream()
                .filter(field -> field.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public EventType eventType() {
        return EventType.CONVERSION;
    }
}
