package dev.ponte.mapping.files;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A mapping file's YAML as nodes that know their line, read strictly: every key is one the format
 * names, so a typo is an error at its line, never a setting silently ignored.
 */
final class Yaml {

    /**
     * Every scalar stays text: the reader decides what a value means, so YAML's implicit types
     * (and the regular expressions that detect them) are not paid for at start-up.
     */
    private static final Resolver TEXT_ONLY = new Resolver() {
        @Override
        protected void addImplicitResolvers() {
        }
    };

    private final String file;
    private final boolean checkedBefore;

    /**
     * {@code checkedBefore}: a file whose expressions were parsed already, by the build (a shipped
     * file) or by an earlier start of this build ({@link CheckedStamp}).
     */
    Yaml(String file, boolean checkedBefore) {
        this.file = file;
        this.checkedBefore = checkedBefore;
    }

    Node root(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        try {
            Node root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), TEXT_ONLY, options)
                    .getSingleNode();
            if (root == null) {
                throw new MappingFileError(file, 1, "", "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new MappingFileError(file, line, "", "not valid YAML: " + e.getProblem());
        }
    }

    /**
     * The keys of a mapping, in order, each once; keys outside {@code allowed} are errors (null:
     * any key). YAML's merge key ({@code <<: *anchor}) brings in the anchored mapping's keys, those
     * written beside it winning.
     */
    Map<String, Node> mapping(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, field, "must be a mapping of keys to values");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node> merged = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), field);
            if (key.equals("<<")) {
                Node value = tuple.getValueNode();
                List<Node> sources = value instanceof SequenceNode many ? many.getValue() : List.of(value);
                for (Node source : sources) {
                    mapping(source, field, allowed).forEach(merged::putIfAbsent);
                }
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), join(field, key), "not a key of " + (field.isEmpty() ? "a mapping file" : field)
                        + "; the keys are " + String.join(", ", allowed.stream().sorted().toList()));
            }
            entries.put(key, tuple.getValueNode());
        }
        merged.forEach(entries::putIfAbsent);
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
        return Expression.parse(scalar(node, field), file, line(node), field, checkedBefore);
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
