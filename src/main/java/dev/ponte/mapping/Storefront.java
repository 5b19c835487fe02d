package dev.ponte.mapping;

import dev.ponte.rd.EcommerceFamily;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.events.EcommerceLineItem;
import dev.ponte.rd.validation.EventSchemas;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every store shares about RD's e-commerce events: which family a store's orders become,
 * how long a checkout waits for its order before it is an abandoned cart, and the rules that are
 * the same whichever store an order comes from (the 20 lines RD takes, RD's five cancel reasons).
 */
@Singleton
public class Storefront {

    /** A checkout's abandoned-cart wait is named after it, so that its order can cancel it. */
    public static String abandonedCart(String checkout) {
        return "checkout-" + checkout + ":abandoned";
    }

    private final EcommerceFamily family;
    private final Duration abandonedAfter;

    @Inject
    public Storefront(RdConfig rd, CartConfig cart) {
        this(rd.ecommerceEvents(), cart.abandonedAfter());
    }

    public Storefront(EcommerceFamily family, Duration abandonedAfter) {
        this.family = family;
        this.abandonedAfter = abandonedAfter;
    }

    /** The family this store's orders become: its own setting, else Ponte's. */
    public EcommerceFamily family(StoreSettings store) {
        return store.ecommerceEvents().orElse(family);
    }

    public boolean current(StoreSettings store) {
        return family(store) == EcommerceFamily.CURRENT;
    }

    public Duration abandonedAfter() {
        return abandonedAfter;
    }

    /**
     * The lines RD takes: the first 20. The event's {@code total_items} still counts the whole
     * order, and the edge's log line notes the cut.
     */
    public static List<EcommerceLineItem> lineItems(List<EcommerceLineItem> lines) {
        return lines.size() <= EventSchemas.MAX_LINE_ITEMS ? List.copyOf(lines)
                : List.copyOf(lines.subList(0, EventSchemas.MAX_LINE_ITEMS));
    }

    /** How many items the lines hold: their quantities added up. */
    public static int totalItems(List<EcommerceLineItem> lines) {
        return lines.stream().mapToInt(l -> l.quantity() == null ? 1 : l.quantity()).sum();
    }

    /**
     * A store's cancel reason as one of RD's five ({@code customer}, {@code declined}, {@code fraud},
     * {@code inventory}, {@code other}): the store's own word where it is one of them, its
     * synonyms through {@code synonyms}, and {@code other} for anything else or nothing.
     */
    public static String cancelReason(String storeReason, Map<String, String> synonyms) {
        if (storeReason == null || storeReason.isBlank()) {
            return "other";
        }
        String reason = storeReason.trim().toLowerCase(Locale.ROOT);
        if (EventSchemas.CANCEL_REASONS.contains(reason)) {
            return reason;
        }
        return synonyms.getOrDefault(reason, "other");
    }

    /** The legal bases the ECOMMERCE_* family takes: those of the communications category; null when none is left. */
    public static List<dev.ponte.rd.events.LegalBase> communications(List<dev.ponte.rd.events.LegalBase> bases) {
        if (bases == null) {
            return null;
        }
        List<dev.ponte.rd.events.LegalBase> kept = bases.stream().filter(b -> "communications".equals(b.category())).toList();
        return kept.isEmpty() ? null : kept;
    }

    /** At most the five non-blank payment methods RD takes, as the store names them; null when none. */
    public static List<String> paymentMethods(List<String> methods) {
        if (methods == null) {
            return null;
        }
        List<String> kept = methods.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).distinct()
                .limit(5).toList();
        return kept.isEmpty() ? null : kept;
    }

    /** A URL RD can link to, or nothing: stores leave some empty, and RD refuses what is not http(s). */
    public static String url(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? trimmed : null;
    }
}
