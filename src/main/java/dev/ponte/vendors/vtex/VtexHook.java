package dev.ponte.vendors.vtex;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A VTEX orders hook notification: which order, which state it moved to, from which account. */
@RegisterForReflection
public record VtexHook(
        @JsonProperty("Domain") String domain,
        @JsonProperty("OrderId") String orderId,
        @JsonProperty("State") String state,
        @JsonProperty("LastState") String lastState,
        @JsonProperty("LastChange") String lastChange,
        @JsonProperty("CurrentChange") String currentChange,
        @JsonProperty("Origin") Origin origin) {

    @RegisterForReflection
    public record Origin(@JsonProperty("Account") String account, @JsonProperty("Key") String key) {
    }
}
