package dev.ponte.rd.events;

/** A payload with RD's {@code mobile_phone}; a record's component of that name implements it. */
public interface NamesMobilePhone {

    String mobilePhone();
}
