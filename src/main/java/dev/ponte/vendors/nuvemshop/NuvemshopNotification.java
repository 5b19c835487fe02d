package dev.ponte.vendors.nuvemshop;

/** All a Nuvemshop webhook says: which store, what happened, to which resource. */
public record NuvemshopNotification(String storeId, String event, String id) {
}
