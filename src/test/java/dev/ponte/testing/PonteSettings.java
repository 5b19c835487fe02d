package dev.ponte.testing;

import dev.ponte.mapping.files.MappingFile;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables Ponte reads, found rather than listed: every property of every
 * {@code @ConfigMapping} in the compiled classes (groups included), every {@code ponte.*} that
 * application.properties passes on to Quarkus, and the settings the shipped mapping files declare.
 * The template and the README are both held to it, so a new setting cannot go unlisted.
 */
public final class PonteSettings {

    private static final Pattern PASSED_ON = Pattern.compile("\\$\\{(ponte\\.[a-z0-9.-]+)");

    private PonteSettings() {
    }

    public static Set<String> variables() {
        Set<String> names = new TreeSet<>();
        for (Class<?> mapping : configMappings()) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, names);
        }
        try {
            Matcher passed = PASSED_ON.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
            while (passed.find()) {
                names.add(variable(passed.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.addAll(declaredByFiles());
        return names;
    }

    /** The settings the shipped mapping files declare ({@code settings:}), as variables. */
    public static Set<String> declaredByFiles() {
        Set<String> names = new TreeSet<>();
        for (MappingFile file : FileVendors.shippedFiles()) {
            for (String setting : file.settings().keySet()) {
                names.add(variable("ponte.vendors." + file.vendor() + "." + setting));
            }
        }
        return names;
    }

    /** {@code ponte.rd.client-id} → {@code PONTE_RD_CLIENT_ID}, as SmallRye Config maps the environment. */
    public static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static void collect(String prefix, Class<?> mapping, Set<String> names) {
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            boolean parentName = method.isAnnotationPresent(WithParentName.class);
            if (parentName && java.util.Map.class.isAssignableFrom(method.getReturnType())) {
                continue; // a family of names (a mapping file's settings), documented as a pattern
            }
            WithName renamed = method.getAnnotation(WithName.class);
            String property = parentName ? prefix : prefix + "." + (renamed != null ? renamed.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith("dev.ponte.")) {
                collect(property, type, names);
            } else {
                names.add(variable(property));
            }
        }
    }

    private static List<Class<?>> configMappings() {
        try {
            Path classes = Path.of(dev.ponte.rd.RdConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<?>> mappings = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes.resolve("dev/ponte"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, PonteSettings.class.getClassLoader());
                    if (type.isAnnotationPresent(ConfigMapping.class)) {
                        mappings.add(type);
                    }
                }
            }
            if (mappings.size() < 10) {
                throw new IllegalStateException("only " + mappings.size() + " configuration mappings found under " + classes);
            }
            return mappings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
