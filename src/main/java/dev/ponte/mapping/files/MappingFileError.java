package dev.ponte.mapping.files;

/**
 * A mistake in a mapping file, said where it is: the file, the line, and the field, so that
 * start-up names what to fix ({@code calendly.yaml:14: topics.invitee.created[0].fields.emial:
 * CONVERSION has no field emial}).
 */
public final class MappingFileError extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public MappingFileError(String file, int line, String field, String problem) {
        super(file + ":" + line + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
