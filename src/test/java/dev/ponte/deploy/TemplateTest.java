package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ponte.deploy.CloudFormationYaml.Intrinsic;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sam validate} and cfn-lint cannot run here, so this holds template.yaml to what it
 * must be: every reference resolves, handlers and artifact match the build, IAM names only this
 * stack's resources, secrets never appear in clear, and every variable is one Ponte reads.
 */
@SuppressWarnings("unchecked")
class TemplateTest {

    private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId",
            "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> template = CloudFormationYaml.read(Path.of("template.yaml"));
    private final Map<String, Object> resources = (Map<String, Object>) template.get("Resources");

    @Test
    void everyReferenceResolves() {
        assertThat(unresolved(template)).isEmpty();
    }

    @Test
    void theMonitoringStackResolvesAndAlarmsOnWhatMatters() {
        Map<String, Object> monitoring = CloudFormationYaml.read(Path.of("infra/monitoring.yaml"));
        assertThat(unresolved(monitoring)).isEmpty();
        Map<String, Object> alarms = (Map<String, Object>) monitoring.get("Resources");
        assertThat(alarms).containsKeys("DeliveriesDlqNotEmpty", "DeadLettersNeedOperator", "Ingress5xx", "WorkerErrors",
                "RedeliveryErrors", "RdRateLimited", "Dashboard");
        // Ponte's own metrics come from its embedded metric format lines (journal/MonitoringStackTest
        // checks each one the stack names); a filter on log text would break with the log's format.
        assertThat(alarms.values()).noneMatch(resource -> "AWS::Logs::MetricFilter".equals(((Map<String, Object>) resource).get("Type")));
    }

    private static List<String> unresolved(Map<String, Object> template) {
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        Map<String, Object> parameters = (Map<String, Object>) template.getOrDefault("Parameters", Map.of());
        Map<String, Object> conditions = (Map<String, Object>) template.getOrDefault("Conditions", Map.of());
        List<String> problems = new ArrayList<>();
        walk(template, node -> {
            if (!(node instanceof Intrinsic intrinsic)) {
                return;
            }
            switch (intrinsic.name()) {
                case "Ref" -> {
                    String target = (String) intrinsic.argument();
                    if (!PSEUDO.contains(target) && !parameters.containsKey(target) && !resources.containsKey(target)) {
                        problems.add("!Ref " + target);
                    }
                }
                case "Fn::GetAtt" -> {
                    String target = intrinsic.argument() instanceof List<?> list ? (String) list.get(0)
                            : ((String) intrinsic.argument()).split("\\.")[0];
                    if (!resources.containsKey(target)) {
                        problems.add("!GetAtt " + target);
                    }
                }
                case "Fn::Sub" -> {
                    String text = intrinsic.argument() instanceof List<?> list ? (String) list.get(0) : (String) intrinsic.argument();
                    Matcher variables = SUB_VARIABLE.matcher(text);
                    while (variables.find()) {
                        String variable = variables.group(1).split("\\.")[0];
                        if (!PSEUDO.contains(variables.group(1)) && !parameters.containsKey(variable)
                                && !resources.containsKey(variable)) {
                            problems.add("!Sub ${" + variables.group(1) + "}");
                        }
                    }
                }
                case "Fn::If" -> {
                    String condition = (String) ((List<Object>) intrinsic.argument()).get(0);
                    if (!conditions.containsKey(condition)) {
                        problems.add("!If " + condition);
                    }
                }
                default -> {
                }
            }
        });
        resources.forEach((name, resource) -> {
            Object condition = ((Map<String, Object>) resource).get("Condition");
            if (condition != null && !conditions.containsKey(condition)) {
                problems.add(name + " Condition " + condition);
            }
        });
        return problems;
    }

    @Test
    void handlersAndArtifactAreWhatTheBuildProduces() throws Exception {
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
        // The default (Lambda) build and the native build both write their zip here.
        assertThat(globals.get("CodeUri")).isEqualTo("target/function.zip");

        assertThat(jvmHandler("IngressFunction")).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        Class.forName("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler").getMethod("handleRequest",
                java.io.InputStream.class, java.io.OutputStream.class, Context.class);

        assertThat(jvmHandler("WorkerFunction")).isEqualTo("dev.ponte.delivery.QueueWorkerHandler::handleRequest");
        Method worker = Class.forName("dev.ponte.delivery.QueueWorkerHandler").getMethod("handleRequest", SQSEvent.class,
                Context.class);
        assertThat(worker.getReturnType().getSimpleName()).isEqualTo("SQSBatchResponse");

        Map<String, Object> events = (Map<String, Object>) properties("WorkerFunction").get("Events");
        Map<String, Object> sqs = (Map<String, Object>) ((Map<String, Object>) events.get("Deliveries")).get("Properties");
        assertThat((List<String>) sqs.get("FunctionResponseTypes")).containsExactly("ReportBatchItemFailures");

        assertThat(jvmHandler("RedeliveryFunction")).isEqualTo("dev.ponte.delivery.RedeliveryHandler::handleRequest");
        Class.forName("dev.ponte.delivery.RedeliveryHandler").getMethod("handleRequest", Map.class, Context.class);
        Map<String, Object> schedule = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                properties("RedeliveryFunction").get("Events")).get("EveryMinute")).get("Properties");
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("rate(1 minute)");
    }

    @Test
    void theStateTableHasTheIndexTheStoreQueries() {
        Map<String, Object> table = properties("DedupeTable");
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes");
        assertThat(indexes).singleElement().satisfies(index -> {
            assertThat(index.get("IndexName")).isEqualTo(dev.ponte.delivery.state.DynamoDbStateStore.INDEX);
            assertThat((List<Map<String, Object>>) index.get("KeySchema")).extracting(k -> k.get("AttributeName"))
                    .containsExactly("kind", "due_at");
            assertThat(((Map<String, Object>) index.get("Projection")).get("ProjectionType")).isEqualTo("ALL");
        });
        assertThat(((Map<String, Object>) table.get("TimeToLiveSpecification")).get("AttributeName")).isEqualTo("expires_at");
    }

    @Test
    void theQueueOutlastsSixWorkerTimeoutsAndHasADeadLetterQueue() {
        Map<String, Object> queue = (Map<String, Object>) ((Map<String, Object>) resources.get("DeliveriesQueue")).get("Properties");
        int workerTimeout = (Integer) properties("WorkerFunction").get("Timeout");
        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * workerTimeout);
        Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
        assertThat(((Intrinsic) redrive.get("deadLetterTargetArn")).argument()).isEqualTo("DeliveriesDlq.Arn");
    }

    @Test
    void policiesNameOnlyThisStacksResources() {
        for (String function : List.of("IngressFunction", "WorkerFunction", "RedeliveryFunction")) {
            List<Object> policies = (List<Object>) properties(function).get("Policies");
            walk(policies, node -> {
                if (node instanceof String text) {
                    assertThat(text).as("a literal in %s's policies", function).doesNotContain("*").doesNotContain("arn:");
                }
                if (node instanceof Intrinsic intrinsic && (intrinsic.name().equals("Ref") || intrinsic.name().equals("Fn::GetAtt"))) {
                    String target = intrinsic.argument().toString().split("\\.")[0];
                    assertThat(resources).as("%s's policies name %s", function, target).containsKey(target);
                }
            });
        }
    }

    @Test
    void secretsComeFromSecretsManagerAndEveryVariableIsOnePonteReads() throws Exception {
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) template.get("Globals")).get("Function")).get("Environment")).get("Variables");
        Set<String> read = dev.ponte.testing.PonteSettings.variables();
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            assertThat(read).as("Ponte reads %s", variable.getKey()).contains(variable.getKey());
            if (variable.getKey().matches(".*(SECRET|TOKEN|CLIENT_ID|APP_KEY)$")) {
                assertThat(variable.getValue()).isInstanceOfSatisfying(Intrinsic.class, sub ->
                        assertThat((String) sub.argument()).startsWith("{{resolve:secretsmanager:"));
            }
        }
        // Every vendor Ponte maps can be given its secret on Lambda.
        assertThat(variables.keySet()).containsAll(read.stream().filter(v -> v.matches("PONTE_VENDORS_[A-Z]+_SECRET")).toList());
    }

    private String jvmHandler(String function) {
        Intrinsic handler = (Intrinsic) properties(function).get("Handler");
        return (String) ((List<Object>) handler.argument()).get(2);
    }

    private Map<String, Object> properties(String resource) {
        return (Map<String, Object>) ((Map<String, Object>) resources.get(resource)).get("Properties");
    }

    private static void walk(Object node, java.util.function.Consumer<Object> visit) {
        visit.accept(node);
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> walk(value, visit));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, visit));
        } else if (node instanceof Intrinsic intrinsic) {
            walk(intrinsic.argument(), visit);
        }
    }
}
