package dev.ponte.mapping;

import dev.ponte.rd.EcommerceFamily;
import java.util.Optional;

/** What a store's configuration has beyond every vendor's: which of RD's e-commerce families its orders become. */
public interface StoreSettings extends VendorSettings {

    /** {@code PONTE_VENDORS_<VENDOR>_ECOMMERCE_EVENTS}: this store's choice; {@code PONTE_RD_ECOMMERCE_EVENTS} otherwise. */
    Optional<EcommerceFamily> ecommerceEvents();
}
