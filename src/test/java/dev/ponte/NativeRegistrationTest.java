package dev.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jackson reads and writes Ponte's wire records by reflection, and a native image keeps only
 * what is registered. Every vendor payload record, every RD event record, and the records Ponte
 * stores as JSON must be registered, on themselves or in the targets of a registration; the JVM
 * build would never notice a forgotten one.
 */
class NativeRegistrationTest {

    @Test
    void everyRecordIsRegisteredForReflection() throws Exception {
        Path classes = Path.of("target/classes");
        List<Class<?>> records;
        try (Stream<Path> files = Files.walk(classes.resolve("dev/ponte"))) {
            records = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(NativeRegistrationTest::load)
                    .filter(Class::isRecord)
                    .filter(NativeRegistrationTest::travelsAsJson)
                    .toList();
        }
        Set<Class<?>> registered = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/ponte"))) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(NativeRegistrationTest::load)
                    .forEach(type -> {
                        RegisterForReflection registration = type.getAnnotation(RegisterForReflection.class);
                        if (registration != null) {
                            registered.add(type);
                            registered.addAll(Arrays.asList(registration.targets()));
                        }
                    });
        }
        assertThat(records).isNotEmpty();
        assertThat(records).filteredOn(record -> !registered.contains(record))
                .as("records Jackson would not find in a native image").isEmpty();
    }

    /**
     * Vendor payloads, RD events and errors, and what delivery stores as JSON. A private record is
     * a class's own working value, never read from or written to JSON.
     */
    private static boolean travelsAsJson(Class<?> record) {
        if (java.lang.reflect.Modifier.isPrivate(record.getModifiers())) {
            return false;
        }
        String name = record.getName();
        return name.startsWith("dev.ponte.vendors.") || name.startsWith("dev.ponte.rd.events.")
                || Set.of("dev.ponte.rd.RdError", "dev.ponte.rd.RdErrors", "dev.ponte.delivery.DeadLetter",
                        "dev.ponte.delivery.DeadLetter$StoredRequest", "dev.ponte.delivery.QueuedDelivery").contains(name);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeRegistrationTest.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException(name, e);
        }
    }

}
