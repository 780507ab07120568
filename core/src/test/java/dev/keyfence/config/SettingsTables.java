package dev.keyfence.config;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Renders the registry's settings tables for the docs, one table per section. */
final class SettingsTables {
    /** One generated table: its id in the markers and which settings it lists, under which names. */
    record Table(String id, Predicate<Setting> selects, String heading) {
        boolean asProperty() {
            return !heading.equals("setting");
        }
    }

    static final List<Table> TABLES = List.of(
            new Table("issuers", s -> s.at(FrontDoor.FILE) && s.section().equals("issuers[]"), "setting"),
            new Table(
                    "resource",
                    s -> s.at(FrontDoor.FILE)
                            && (s.section().equals("resource") || s.section().equals(SettingsRegistry.PROFILE)),
                    "setting"),
            new Table("keys", s -> s.at(FrontDoor.FILE) && s.path().startsWith("keys."), "setting"),
            new Table("jwks", s -> s.at(FrontDoor.FILE) && s.section().equals("jwks"), "setting"),
            new Table("top", s -> s.at(FrontDoor.FILE) && s.section().isEmpty(), "setting"),
            new Table("ledger", s -> s.at(FrontDoor.FILE) && s.section().equals("ledger"), "setting"),
            new Table("spring", s -> s.at(FrontDoor.SPRING) && !s.at(FrontDoor.FILE), "property"),
            new Table("servlet", s -> s.at(FrontDoor.SERVLET), "init parameter"),
            new Table("beyond-contract", SettingsRegistry::beyondContract, "setting"));

    private SettingsTables() {}

    /** The markdown table (without markers) for {@code table}. */
    static String render(Table table) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(table.heading()).append(" | type | default | bounds | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        // the adapter's own settings first, then those it shares with the file
        List<Setting> rows = SettingsRegistry.all().stream()
                .filter(table.selects())
                .sorted(Comparator.comparing((Setting s) -> s.at(FrontDoor.FILE)))
                .toList();
        for (Setting s : rows) {
            String name = table.asProperty()
                    ? "keyfence." + s.path()
                    : s.path().replace(SettingsRegistry.PROFILE + ".", "resources.<name>.");
            sb.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(s.kind().docName())
                    .append(" | ")
                    .append(cell(s.shownDefault()))
                    .append(" | ")
                    .append(cell(s.bounds()))
                    .append(" | ")
                    .append(cell(s.doc()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** The start marker of a generated table. */
    static String start(Table table) {
        return "<!-- settings:" + table.id() + " (generated from SettingsRegistry; do not edit) -->\n";
    }

    /** The end marker of a generated table. */
    static String end(Table table) {
        return "<!-- /settings:" + table.id() + " -->\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
