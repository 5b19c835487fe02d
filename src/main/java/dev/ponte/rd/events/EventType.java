package dev.ponte.rd.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** RD's 13 event types, each with the record its payload is read into. */
public enum EventType {
    CONVERSION(ConversionPayload.class),
    OPPORTUNITY(OpportunityPayload.class),
    OPPORTUNITY_LOST(OpportunityLostPayload.class),
    SALE(SalePayload.class),
    ORDER_PLACED(OrderPlacedPayload.class),
    ORDER_PLACED_ITEM(OrderPlacedItemPayload.class),
    CART_ABANDONED(CartAbandonedPayload.class),
    CART_ABANDONED_ITEM(CartAbandonedItemPayload.class),
    CHAT_STARTED(ChatStartedPayload.class),
    CHAT_FINISHED(ChatFinishedPayload.class),
    CALL_FINISHED(CallFinishedPayload.class),
    MEDIA_PLAYBACK_STARTED(MediaPlaybackStartedPayload.class),
    MEDIA_PLAYBACK_STOPPED(MediaPlaybackStoppedPayload.class);

    private final Class<? extends RdPayload> payloadType;

    EventType(Class<? extends RdPayload> payloadType) {
        this.payloadType = payloadType;
    }

    public Class<? extends RdPayload> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
