package dev.keyfence.ledger;

import dev.keyfence.json.JsonException;
import dev.keyfence.json.JsonReader;
import dev.keyfence.json.JsonWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A ledger batch as JSON text, the one format both ledgers store. Version 1:
 * {@code {"v":1,"keys":[{"jkt":..,"kids":[..],"publishers":[{"source","issuer","scope"}],
 * "firstSeen":..,"lastSeen":..,"removals":[..],"windows":[{"notBefore","notAfter"}],
 * "revocations":[{"actor","reason","at"}],"reinstatements":[..]}],"sources":[{"source","readAt","json"}]}}.
 * Decoding is strict: anything else is a {@link BadRecordException}. For {@link KeyLedger}
 * implementations that store batches as text: the embedded ledger and the JDBC ledger both use it.
 */
public final class LedgerCodec {
    /** The format version written. */
    public static final int VERSION = 1;

    private LedgerCodec() {}

    /** The batch as compact JSON text, its members in a stable order. */
    public static String encode(LedgerBatch batch) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("v", VERSION);
        List<Object> keys = new ArrayList<>();
        for (KeyRecord r : batch.keys()) {
            keys.add(key(r));
        }
        root.put("keys", keys);
        List<Object> sources = new ArrayList<>();
        for (SourceKeySet s : batch.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", s.source());
            m.put("readAt", s.readAt().toString());
            m.put("json", s.json());
            sources.add(m);
        }
        root.put("sources", sources);
        return JsonWriter.write(root);
    }

    private static Map<String, Object> key(KeyRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jkt", r.thumbprint());
        m.put("kids", new TreeSet<>(r.kids()));
        m.put("publishers", publishers(r));
        m.put("firstSeen", r.firstSeen().map(Instant::toString));
        m.put("lastSeen", r.lastSeen().map(Instant::toString));
        m.put("removals", r.removals().stream().sorted().map(Instant::toString).toList());
        m.put("windows", windows(r));
        m.put("revocations", actions(r.revocations()));
        m.put("reinstatements", actions(r.reinstatements()));
        return m;
    }

    /** A record's publishers as JSON members, in a stable order (also what {@code ledger show} prints). */
    public static List<Object> publishers(KeyRecord r) {
        List<Object> publishers = new ArrayList<>();
        r.publishers().stream()
                .sorted(java.util.Comparator.comparing(KeyRecord.Publisher::source)
                        .thenComparing(KeyRecord.Publisher::issuer)
                        .thenComparing(KeyRecord.Publisher::scope))
                .forEach(p -> {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("source", p.source());
                    pm.put("issuer", p.issuer());
                    pm.put("scope", p.scope());
                    publishers.add(pm);
                });
        return publishers;
    }

    /** A record's windows as JSON members (also what {@code ledger show} prints). */
    public static List<Object> windows(KeyRecord r) {
        List<Object> windows = new ArrayList<>();
        for (KeyRecord.Window w : r.windows()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("notBefore", w.notBefore().map(Instant::toString));
            wm.put("notAfter", w.notAfter().map(Instant::toString));
            windows.add(wm);
        }
        return windows;
    }

    private static List<Object> actions(Set<KeyRecord.Action> actions) {
        List<Object> out = new ArrayList<>();
        actions.stream().sorted(KeyRecord.Action.ORDER).forEach(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("actor", a.actor());
            m.put("reason", a.reason());
            m.put("at", a.at().toString());
            out.add(m);
        });
        return out;
    }

    /**
     * The batch a text holds.
     *
     * @throws BadRecordException when the text is not a batch of this format
     */
    public static LedgerBatch decode(String text) throws BadRecordException {
        Map<String, Object> root;
        try {
            root = JsonReader.parseObject(text);
        } catch (JsonException e) {
            throw new BadRecordException("not JSON: " + e.getMessage());
        }
        Object v = root.get("v");
        if (!(v instanceof Long l) || l != VERSION) {
            throw new BadRecordException("unknown format version " + v);
        }
        try {
            List<KeyRecord> keys = list(root, "keys", LedgerCodec::keyRecord);
            List<SourceKeySet> sources = list(
                    root,
                    "sources",
                    m -> new SourceKeySet(text(m, "source"), text(m, "json"), instant(text(m, "readAt"))));
            return new LedgerBatch(keys, sources);
        } catch (Malformed e) {
            throw new BadRecordException(e.problem);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRecordException("invalid member: " + e.getMessage());
        }
    }

    private static KeyRecord keyRecord(Map<String, Object> m) {
        List<KeyRecord.Publisher> publishers = list(
                m, "publishers", p -> new KeyRecord.Publisher(text(p, "source"), text(p, "issuer"), text(p, "scope")));
        List<KeyRecord.Window> windows = list(
                m,
                "windows",
                w -> new KeyRecord.Window(optionalInstant(w, "notBefore"), optionalInstant(w, "notAfter")));
        return new KeyRecord(
                text(m, "jkt"),
                Set.copyOf(strings(m, "kids")),
                Set.copyOf(publishers),
                optionalInstant(m, "firstSeen"),
                optionalInstant(m, "lastSeen"),
                Set.copyOf(strings(m, "removals").stream()
                        .map(LedgerCodec::instant)
                        .toList()),
                Set.copyOf(windows),
                Set.copyOf(list(m, "revocations", LedgerCodec::action)),
                Set.copyOf(list(m, "reinstatements", LedgerCodec::action)));
    }

    private static KeyRecord.Action action(Map<String, Object> m) {
        return new KeyRecord.Action(text(m, "actor"), text(m, "reason"), instant(text(m, "at")));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> m, String name, Function<Map<String, Object>, T> each) {
        Object v = m.get(name);
        if (!(v instanceof List<?> items)) {
            throw new Malformed("\"" + name + "\" is not a list");
        }
        List<T> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map)) {
                throw new Malformed("\"" + name + "\" holds a non-object");
            }
            out.add(each.apply((Map<String, Object>) item));
        }
        return out;
    }

    private static List<String> strings(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof List<?> items)) {
            throw new Malformed("\"" + name + "\" is not a list");
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw new Malformed("\"" + name + "\" holds a non-string");
            }
            out.add(s);
        }
        return out;
    }

    private static String text(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof String s)) {
            throw new Malformed("\"" + name + "\" is not a string");
        }
        return s;
    }

    private static Optional<Instant> optionalInstant(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null || v == JsonReader.NULL) {
            return Optional.empty();
        }
        return Optional.of(instant(text(m, name)));
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Malformed("not an instant");
        }
    }

    /** A member of the wrong shape, met inside the decoding lambdas; {@link #decode} reports it as a {@link BadRecordException}. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String problem;

        Malformed(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }
    }
}
