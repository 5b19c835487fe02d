package dev.ponte.mapping.files;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A mapping file's YAML as nodes that know their line, read strictly: every key is one the format
 * names, so a typo is an error at its line, never a setting silently ignored.
 */
final class Yaml {

    private final String file;

    Yaml(String file) {
        this.file = file;
    }

    Node root(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            Node root = new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(text));
            if (root == null) {
                throw new MappingFileError(file, 1, "", "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new MappingFileError(file, line, "", "not valid YAML: " + e.getProblem());
        }
    }

    /** The keys of a mapping, in order, each once; keys outside {@code allowed} are errors (null: any key). */
    Map<String, Node> mapping(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, field, "must be a mapping of keys to values");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), field);
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), join(field, key), "not a key of " + (field.isEmpty() ? "a mapping file" : field)
                        + "; the keys are " + String.join(", ", allowed.stream().sorted().toList()));
            }
            entries.put(key, tuple.getValueNode());
        }
        return entries;
    }

    List<Node> sequence(Node node, String field) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, field, "must be a list");
        }
        return sequence.getValue();
    }

    String scalar(Node node, String field) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, field, "must be a single value");
        }
        return scalar.getValue();
    }

    Expression expression(Node node, String field) {
        return Expression.parse(scalar(node, field), file, line(node), field);
    }

    MappingFileError error(Node node, String field, String problem) {
        return new MappingFileError(file, line(node), field, problem);
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    static String join(String field, String key) {
        return field.isEmpty() ? key : field + "." + key;
    }
}
