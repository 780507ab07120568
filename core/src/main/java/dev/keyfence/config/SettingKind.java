package dev.keyfence.config;

/** The type of a setting's value: how the docs name it and which Java type Spring binds it to. */
public enum SettingKind {
    TEXT("text", "java.lang.String", false),
    URL("URL", "java.lang.String", false),
    PATH("path", "java.lang.String", false),
    REGEX("regex", "java.lang.String", false),
    BOOLEAN("boolean", "java.lang.Boolean", false),
    INTEGER("integer", "java.lang.Integer", false),
    DURATION("duration", "java.time.Duration", false),
    INSTANT("instant", "java.time.Instant", false),
    LIST("list", "java.util.List<java.lang.String>", true);

    private final String docName;
    private final String javaType;
    private final boolean list;

    SettingKind(String docName, String javaType, boolean list) {
        this.docName = docName;
        this.javaType = javaType;
        this.list = list;
    }

    /** The word the settings table uses for this type. */
    public String docName() {
        return docName;
    }

    /** The Java type named in Spring's configuration metadata. */
    public String javaType() {
        return javaType;
    }

    /** True for a list of strings (Spring also accepts it comma-separated). */
    public boolean isList() {
        return list;
    }
}
