package dev.ponte.rd.events;

import java.util.List;

/**
 * An e-commerce payload with RD's {@code line_items} and the whole order's {@code total_items};
 * a record's components of those names implement it.
 */
public interface ListsLineItems {

    Integer totalItems();

    List<EcommerceLineItem> lineItems();
}
