package org.mms.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mms.db.DatabaseConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the configuration: built-in defaults, then the JSON file if one is given, then environment
 * variables (which win). Every problem is collected and reported together.
 *
 * <pre>
 * { "dataDir": "data", "database": {"url": "jdbc:postgresql://db/mms", "user": "mms", "password": "…", "poolSize": 10},
 *   "http": {"host": "0.0.0.0", "port": 8470}, "workers": {"threads": 4, "pollMillis": 250, "leaseSeconds": 120},
 *   "mail": {"pickupDirectory": "data/outbox/pickup", "sender": "mms@contoso.com"} }
 * </pre>
 * Environment: MMS_DATA, MMS_DB_URL, MMS_DB_USER, MMS_DB_PASSWORD, MMS_HTTP_HOST, MMS_HTTP_PORT,
 * MMS_WORKERS, MMS_PICKUP_DIR, MMS_SENDER.
 */
public final class LoadConfig {

    /** The configuration is unusable; the message lists every problem. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    private static final Set<String> SECTIONS = Set.of("dataDir", "database", "http", "workers", "mail", "$comment");

    private LoadConfig() {
    }

    public static ServiceConfig load(Optional<Path> dataDir, Optional<Path> file, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        JsonNode json = file.map(f -> read(f, problems)).orElse(null);
        if (json != null) {
            json.propertyNames().stream().filter(n -> !SECTIONS.contains(n))
                    .forEach(n -> problems.add("unknown setting \"" + n + "\" in the config file"));
        }
        Path data = dataDir.or(() -> Optional.ofNullable(env.get("MMS_DATA")).map(Path::of))
                .or(() -> text(json, "dataDir").map(Path::of)).orElse(Path.of("data"));
        ServiceConfig d = ServiceConfig.defaults(data);

        String dbUrl = first(env.get("MMS_DB_URL"), text(json, "database", "url")).orElse(d.database().url());
        String dbUser = first(env.get("MMS_DB_USER"), text(json, "database", "user")).orElse(dbUrl.startsWith("jdbc:h2:") ? "sa" : "");
        String dbPassword = first(env.get("MMS_DB_PASSWORD"), text(json, "database", "password")).orElse("");
        int pool = integer(null, json, problems, "database", "poolSize").orElse(d.database().poolSize());
        DatabaseConfig database = null;
        try {
            database = new DatabaseConfig(dbUrl, dbUser, dbPassword, pool);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String host = first(env.get("MMS_HTTP_HOST"), text(json, "http", "host")).orElse(d.http().host());
        int port = integer(env.get("MMS_HTTP_PORT"), json, problems, "http", "port").orElse(d.http().port());
        if (port < 0 || port > 65535) {
            problems.add("the HTTP port must be between 0 and 65535, not " + port);
        }
        int threads = integer(env.get("MMS_WORKERS"), json, problems, "workers", "threads").orElse(d.workers().threads());
        if (threads < 0) {
            problems.add("workers.threads cannot be negative (0 runs the API without workers)");
        }
        long poll = integer(null, json, problems, "workers", "pollMillis").map(Integer::longValue).orElse(d.workers().pollInterval().toMillis());
        long lease = integer(null, json, problems, "workers", "leaseSeconds").map(Integer::longValue).orElse(d.workers().lease().toSeconds());
        if (poll < 10 || lease < 5) {
            problems.add("workers.pollMillis must be at least 10 and workers.leaseSeconds at least 5");
        }
        Path pickup = first(env.get("MMS_PICKUP_DIR"), text(json, "mail", "pickupDirectory")).map(Path::of)
                .orElse(d.mail().pickupDirectory());
        Optional<String> sender = first(env.get("MMS_SENDER"), text(json, "mail", "sender"));
        sender.filter(s -> !s.matches("[^@\\s]+@[^@\\s]+")).ifPresent(s -> problems.add("mail.sender is not an e-mail address: " + s));

        if (!problems.isEmpty()) {
            throw new InvalidConfigException("the configuration has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + ":\n  - " + String.join("\n  - ", problems));
        }
        return new ServiceConfig(data, database, new ServiceConfig.Http(host, port),
                new ServiceConfig.Workers(threads, Duration.ofMillis(poll), Duration.ofSeconds(lease)),
                new ServiceConfig.Mail(pickup, sender));
    }

    private static JsonNode read(Path file, List<String> problems) {
        try {
            JsonNode node = JsonMapper.builder().build().readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                problems.add("the config file " + file + " must hold a JSON object");
                return null;
            }
            return node;
        } catch (IOException e) {
            problems.add("cannot read the config file " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            problems.add("the config file " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        return null;
    }

    private static Optional<String> first(String env, Optional<String> fromFile) {
        return env != null && !env.isBlank() ? Optional.of(env.strip()) : fromFile;
    }

    private static Optional<String> text(JsonNode json, String... path) {
        JsonNode node = json;
        for (String p : path) {
            node = node == null ? null : node.get(p);
        }
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    private static Optional<Integer> integer(String env, JsonNode json, List<String> problems, String... path) {
        Optional<String> value = first(env, text(json, path));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.get()));
        } catch (NumberFormatException e) {
            problems.add(String.join(".", path) + " must be a whole number, not \"" + value.get() + "\"");
            return Optional.empty();
        }
    }
}
