package dev.ponte.mapping;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a vendor's webhooks carry their proof: signature or token headers, a token in the URL's
 * query, a token inside the JSON body. Ponte verifies with them and then forgets them: a stored
 * request (a dead letter) keeps none, since a captured signature stays valid for its body forever
 * and a token is the secret itself. Replays map stored requests without verifying them again.
 */
public record Credentials(Set<String> headers, Set<String> queryParameters, Set<String> bodyFields) {

    /** What proves a caller on any endpoint, whoever the vendor. */
    private static final Set<String> ALWAYS = Set.of("authorization", "cookie", "proxy-authorization", "x-api-key");

    public Credentials {
        headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        queryParameters = Set.copyOf(queryParameters);
        bodyFields = Set.copyOf(bodyFields);
    }

    public static Credentials inHeaders(String... headers) {
        return new Credentials(Set.of(headers), Set.of(), Set.of());
    }

    public static Credentials inQuery(String... parameters) {
        return new Credentials(Set.of(), Set.of(parameters), Set.of());
    }

    public static Credentials inBody(String... fields) {
        return new Credentials(Set.of(), Set.of(), Set.of(fields));
    }

    public boolean isCredentialHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALWAYS.contains(lower) || headers.contains(lower);
    }
}
