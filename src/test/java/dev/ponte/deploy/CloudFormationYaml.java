package dev.ponte.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** CloudFormation YAML, with its short-form intrinsic functions ({@code !Ref}, {@code !Sub}…) kept as {@link Intrinsic}s. */
public final class CloudFormationYaml {

    /** One intrinsic function: its name ({@code Ref}, {@code Fn::Sub}…) and its argument as parsed. */
    public record Intrinsic(String name, Object argument) {
    }

    private static final List<String> FUNCTIONS = List.of("Ref", "GetAtt", "Sub", "If", "Equals", "Not", "And", "Or",
            "Condition", "Select", "Join", "Split", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return (Map<String, Object>) new Yaml(new Constructor()).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Constructor extends SafeConstructor {

        Constructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                String name = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return new Intrinsic(name, argument(node));
                    }
                });
            }
        }

        private Object argument(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }
    }
}
