package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of mistake in a mapping file stops start-up naming the file, the line and the field. */
class MappingFileReaderTest {

    static final String GOOD = """
            vendor: acme
            verify:
              preset: header-token
              header: X-Acme-Token
            topic: kind
            topics:
              lead:
                delivery-id: id
                events:
                  - type: CONVERSION
                    fields:
                      conversion_identifier: "'acme-lead'"
                      email: contact.email
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown event type | type: CONVERSION | type: CONVERT | acme.yaml:10: topics.lead.events[0].type: RD has no event type CONVERT",
        "unknown field | email: contact.email | emial: contact.email | acme.yaml:13: topics.lead.events[0].fields.emial: CONVERSION has no field emial",
        "required field missing | email: contact.email | name: contact.name | acme.yaml:12: topics.lead.events[0].fields.email: CONVERSION requires email, and no expression gives it",
        "bad preset | preset: header-token | preset: signed-token | acme.yaml:3: verify.preset: no preset signed-token",
        "preset key of another preset | header: X-Acme-Token | parameter: token | acme.yaml:4: verify.parameter: not a key of verify",
        "bad expression | delivery-id: id | delivery-id: \"id &&\" | acme.yaml:8: topics.lead.delivery-id: not a JSONata expression",
        "unknown top key | topic: kind | topik: kind | acme.yaml:5: topik: not a key of a mapping file",
        "bad vendor id | vendor: acme | vendor: Acme Corp | acme.yaml:1: vendor: must be lower-case letters",
        "unknown funnel stage | type: CONVERSION | funnel: won | acme.yaml:10: topics.lead.events[0].funnel: the funnel's stages are opportunity, sale and lost, not won",
        "type and funnel | type: CONVERSION | 'type: CONVERSION\n        funnel: sale' | acme.yaml:10: topics.lead.events[0].type: an event has a type or a funnel stage, not both",
        "custom fields of another type | type: CONVERSION | type: CHAT_STARTED | acme.yaml:12: topics.lead.events[0].fields.conversion_identifier: CHAT_STARTED has no field conversion_identifier",
        "setting of an unknown kind | topic: kind | 'settings: {region: maybe}\ntopic: kind' | acme.yaml:5: settings.region: required, optional or {default: <value>}, not maybe",
        "a shared setting declared again | topic: kind | 'settings: {funnel: optional}\ntopic: kind' | acme.yaml:5: settings.funnel: every vendor has funnel already",
        "events and a reply | delivery-id: id | 'reply: {status: 200}\n    delivery-id: id' | acme.yaml:8: topics.lead.events: a topic has events or a reply, not both",
        "an ignore without its reason | delivery-id: id | 'ignore: [{when: test}]\n    delivery-id: id' | acme.yaml:8: topics.lead.ignore[0].because: is required",
        "a contact without email or phone | delivery-id: id | 'contact: {otherwise: none}\n    delivery-id: id' | acme.yaml:8: topics.lead.contact.email: is required"})
    void aMistakeIsNamedWhereItIs(String mistake, String good, String bad, String message) {
        assertThatThrownBy(() -> MappingFileReader.read("acme.yaml", GOOD.replace(good, bad.replace("\\n", "\n"))))
                .isInstanceOf(MappingFileError.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not YAML | 'vendor: [acme' | acme.yaml:",
        "empty | '' | acme.yaml:1: the file is empty"})
    void aFileThatIsNotAMappingIsNamed(String what, String text, String message) {
        assertThatThrownBy(() -> MappingFileReader.read("acme.yaml", text)).isInstanceOf(MappingFileError.class)
                .hasMessageStartingWith(message);
    }
}
