package dev.ponte.mapping;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * What every vendor's configuration has, under {@code ponte.vendors.<vendor>} (environment
 * {@code PONTE_VENDORS_<VENDOR>_...}). Each vendor package declares its own {@code @ConfigMapping}
 * extending this, with whatever else that vendor needs.
 */
public interface VendorSettings {

    /** {@code PONTE_VENDORS_<VENDOR>_SECRET}: the shared secret the vendor signs with. */
    Optional<String> secret();

    /** {@code PONTE_VENDORS_<VENDOR>_FUNNEL}: the RD funnel for OPPORTUNITY, SALE and OPPORTUNITY_LOST. */
    @WithDefault("default")
    String funnel();

    /**
     * {@code PONTE_VENDORS_<VENDOR>_FUNNEL_EVENTS}: which funnel events the vendor's orders produce,
     * of {@code opportunity} (created, not yet paid), {@code sale} (paid) and {@code lost}
     * (cancelled, voided, refunded, expired). {@code none} turns them off.
     */
    @WithDefault("opportunity,sale,lost")
    List<String> funnelEvents();

    /**
     * {@code PONTE_VENDORS_<VENDOR>_LEGAL_BASES}: legal bases attached when the payload carries
     * none, as {@code category:type[:status]} separated by commas, e.g.
     * {@code data_processing:pre_existent_contract,communications:consent:granted}.
     */
    Optional<String> legalBases();
}
