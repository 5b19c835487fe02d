package dev.ponte.rd;

/**
 * Which of RD's e-commerce events a store's orders and carts become: RD's current
 * {@code ECOMMERCE_*} family, or the four older types (ORDER_PLACED, ORDER_PLACED_ITEM,
 * CART_ABANDONED, CART_ABANDONED_ITEM) for accounts whose automations still use them.
 */
public enum EcommerceFamily {
    CURRENT, LEGACY
}
