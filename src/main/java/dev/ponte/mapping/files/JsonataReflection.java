package dev.ponte.mapping.files;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * JSONata finds its built-in functions ({@code $trim}, {@code $string}, ...) by reflection on its
 * {@code Functions} class; a native image keeps only what is named.
 */
@RegisterForReflection(targets = com.dashjoin.jsonata.Functions.class)
final class JsonataReflection {

    private JsonataReflection() {
    }
}
