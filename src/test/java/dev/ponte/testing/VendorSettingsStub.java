package dev.ponte.testing;

import java.util.List;
import java.util.Optional;

/** Vendor settings as a unit test wants them: a secret, and the documented defaults otherwise. */
public class VendorSettingsStub implements dev.ponte.mapping.VendorSettings {

    private final String secret;
    private final String legalBases;

    public VendorSettingsStub(String secret, String legalBases) {
        this.secret = secret;
        this.legalBases = legalBases;
    }

    @Override
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String funnel() {
        return "default";
    }

    @Override
    public List<String> funnelEvents() {
        return List.of("opportunity", "sale", "lost");
    }

    @Override
    public Optional<String> legalBases() {
        return Optional.ofNullable(legalBases);
    }

    /** For stores: Ponte's family applies ({@code StoreSettings}). */
    public Optional<dev.ponte.rd.EcommerceFamily> ecommerceEvents() {
        return Optional.empty();
    }
}
