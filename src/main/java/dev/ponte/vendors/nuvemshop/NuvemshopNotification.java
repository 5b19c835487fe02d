package dev.ponte.vendors.nuvemshop;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** All a Nuvemshop webhook says: which store, what happened, to which resource. */
@RegisterForReflection
public record NuvemshopNotification(String storeId, String event, String id) {
}
