package dev.keyfence.cli;

import dev.keyfence.json.JsonException;
import dev.keyfence.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line, with its exit status and captured output. */
record CliRun(int status, String out, String err) {

    static CliRun run(String... args) {
        return withStdin("", args);
    }

    static CliRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(
                args,
                new PrintWriter(out),
                new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Stdout parsed as one JSON object per line. */
    List<Map<String, Object>> lines() {
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                parsed.add(json(line));
            }
        }
        return parsed;
    }

    static Map<String, Object> json(String text) {
        try {
            return JsonReader.parseObject(text);
        } catch (JsonException e) {
            throw new AssertionError("not a JSON object: " + text, e);
        }
    }

    /** A JSON member, with JSON null as Java null. */
    static Object get(Map<String, Object> object, String member) {
        Object v = object.get(member);
        return v == JsonReader.NULL ? null : v;
    }

    /** Stderr as lines. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
