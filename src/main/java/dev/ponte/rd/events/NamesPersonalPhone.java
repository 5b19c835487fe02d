package dev.ponte.rd.events;

/**
 * A payload with RD's {@code personal_phone}; a record's component of that name implements it.
 * What deliveries teach (the phone number's email) reads it without writing the event as JSON.
 */
public interface NamesPersonalPhone {

    String personalPhone();
}
