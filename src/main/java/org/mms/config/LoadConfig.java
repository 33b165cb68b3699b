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
import org.mms.api.BodyLimits;
import org.mms.db.DatabaseConfig;
import org.mms.itip.mail.SmtpSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the configuration: built-in defaults, then the JSON file if one is given, then environment
 * variables (which win). Every problem is collected and reported together.
 *
 * <pre>
 * { "dataDir": "data", "database": {"url": "jdbc:postgresql://db/mms", "user": "mms", "password": "…", "poolSize": 10},
 *   "http": {"host": "0.0.0.0", "port": 8470, "tls": {"certificate": "cert.pem", "privateKey": "key.pem"},
 *            "maxBodyBytes": {"json": 65536, "directoryImport": 16777216, "calendarImport": 67108864}},
 *   "workers": {"threads": 4, "pollMillis": 250, "leaseSeconds": 120},
 *   "mail": {"pickupDirectory": "data/outbox/pickup", "sender": "mms@contoso.com", "senders": 4,
 *            "smtp": {"host": "smtp.contoso.com", "port": 587, "security": "starttls", "username": "mms@contoso.com",
 *                     "password": "…", "maxMessagesPerSecond": 10}},
 *   "metrics": {"allowFrom": ["10.0.0.0/8", "127.0.0.1"], "port": 9470} }
 * </pre>
 * Environment: MMS_DATA, MMS_DB_URL, MMS_DB_USER, MMS_DB_PASSWORD, MMS_HTTP_HOST, MMS_HTTP_PORT, MMS_HTTP_TLS_CERTIFICATE,
 * MMS_HTTP_TLS_PRIVATE_KEY, MMS_HTTP_ALLOW_PLAIN,
 * MMS_WORKERS, MMS_PICKUP_DIR, MMS_SENDER, MMS_SENDERS, MMS_SMTP_HOST, MMS_SMTP_PORT, MMS_SMTP_SECURITY,
 * MMS_SMTP_USER, MMS_SMTP_PASSWORD, MMS_SMTP_RATE, MMS_METRICS_ALLOW_FROM (comma-separated), MMS_METRICS_PORT.
 */
public final class LoadConfig {

    /** The configuration is unusable; the message lists every problem. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    private static final Set<String> SECTIONS = Set.of("dataDir", "database", "http", "workers", "mail", "metrics", "$comment");

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
        Optional<String> certificate = first(env.get("MMS_HTTP_TLS_CERTIFICATE"), text(json, "http", "tls", "certificate"));
        Optional<String> privateKey = first(env.get("MMS_HTTP_TLS_PRIVATE_KEY"), text(json, "http", "tls", "privateKey"));
        if (certificate.isPresent() != privateKey.isPresent()) {
            problems.add("http.tls needs both a certificate and a privateKey (PEM files), or neither");
        }
        Optional<ServiceConfig.Tls> tls = certificate.isPresent() && privateKey.isPresent()
                ? Optional.of(new ServiceConfig.Tls(Path.of(certificate.get()), Path.of(privateKey.get()))) : Optional.empty();
        tls.ifPresent(t -> {
            for (Path f : List.of(t.certificate(), t.privateKey())) {
                if (!Files.isReadable(f)) {
                    problems.add("cannot read the TLS file " + f);
                }
            }
        });
        String plain = first(env.get("MMS_HTTP_ALLOW_PLAIN"), text(json, "http", "allowPlainHttp")).orElse("false");
        if (!plain.equals("true") && !plain.equals("false")) {
            problems.add("http.allowPlainHttp must be true or false, not \"" + plain + "\"");
        }
        BodyLimits bodies = bodyLimits(json, problems);
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
        Optional<SmtpSettings> smtp = smtp(json, env, problems);
        boolean smtpWanted = first(env.get("MMS_SMTP_HOST"), text(json, "mail", "smtp", "host")).isPresent();
        if (smtpWanted && sender.isEmpty()) {
            problems.add("mail.smtp needs mail.sender (MMS_SENDER): the service's own address, for the envelope and the Sender header");
        }

        int senders = integer(env.get("MMS_SENDERS"), json, problems, "mail", "senders").orElse(d.mail().senders());
        if (senders < 1) {
            problems.add("mail.senders must be at least 1, not " + senders);
        }

        Map<String, Double> haltAt = haltAt(env.get("MMS_HALT_AT"), problems);
        ServiceConfig.Metrics metrics = metrics(json, env.get("MMS_METRICS_ALLOW_FROM"), problems);
        Optional<Integer> metricsPort = integer(env.get("MMS_METRICS_PORT"), json, problems, "metrics", "port");
        metricsPort.filter(p -> p < 0 || p > 65535)
                .ifPresent(p -> problems.add("metrics.port must be between 0 and 65535, not " + p));
        if (metricsPort.isPresent()) {
            metrics = metrics.withPort(metricsPort.get());
        }

        if (!problems.isEmpty()) {
            throw new InvalidConfigException("the configuration has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + ":\n  - " + String.join("\n  - ", problems));
        }
        return new ServiceConfig(data, database, new ServiceConfig.Http(host, port, tls, plain.equals("true"), bodies),
                new ServiceConfig.Workers(threads, Duration.ofMillis(poll), Duration.ofSeconds(lease)),
                new ServiceConfig.Mail(pickup, sender, smtp, senders), haltAt, metrics);
    }

    /** {@code metrics.allowFrom}: CIDR blocks that read {@code /metrics} without a token; none by default. */
    private static ServiceConfig.Metrics metrics(JsonNode json, String env, List<String> problems) {
        JsonNode section = json == null ? null : json.get("metrics");
        if (section != null && !section.isNull() && !section.isObject()) {
            problems.add("metrics must be an object such as {\"allowFrom\": [\"10.0.0.0/8\"]}");
            return ServiceConfig.Metrics.TOKEN_ONLY;
        }
        if (section != null && section.isObject()) {
            section.propertyNames().stream().filter(n -> !n.equals("allowFrom") && !n.equals("port"))
                    .forEach(n -> problems.add("unknown setting \"metrics." + n + "\" in the config file"));
        }
        List<String> blocks = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            java.util.Arrays.stream(env.split(",")).map(String::strip).filter(b -> !b.isEmpty()).forEach(blocks::add);
        } else if (section != null && section.get("allowFrom") != null && !section.get("allowFrom").isNull()) {
            JsonNode list = section.get("allowFrom");
            if (!list.isArray() || list.values().stream().anyMatch(v -> !v.isString())) {
                problems.add("metrics.allowFrom must be a list of CIDR blocks such as [\"10.0.0.0/8\", \"127.0.0.1\"]");
                return ServiceConfig.Metrics.TOKEN_ONLY;
            }
            list.values().forEach(v -> blocks.add(v.asString()));
        }
        List<org.mms.metrics.AddressRange> ranges = new ArrayList<>();
        for (String block : blocks) {
            try {
                ranges.add(org.mms.metrics.AddressRange.parse(block));
            } catch (IllegalArgumentException e) {
                problems.add("metrics.allowFrom: " + e.getMessage());
            }
        }
        return new ServiceConfig.Metrics(ranges);
    }

    private static final Set<String> BODY_LIMITS = Set.of("json", "directoryImport", "calendarImport");

    /** {@code http.maxBodyBytes}: each kind of route's largest body; a limit not given keeps its default. */
    private static BodyLimits bodyLimits(JsonNode json, List<String> problems) {
        JsonNode section = json == null || json.get("http") == null ? null : json.get("http").get("maxBodyBytes");
        if (section == null || section.isNull()) {
            return BodyLimits.DEFAULTS;
        }
        if (!section.isObject()) {
            problems.add("http.maxBodyBytes must be an object with json, directoryImport and calendarImport");
            return BodyLimits.DEFAULTS;
        }
        section.propertyNames().stream().filter(n -> !BODY_LIMITS.contains(n))
                .forEach(n -> problems.add("unknown setting \"http.maxBodyBytes." + n + "\" in the config file"));
        BodyLimits d = BodyLimits.DEFAULTS;
        long[] limits = {d.json(), d.directoryImport(), d.calendarImport()};
        String[] names = {"json", "directoryImport", "calendarImport"};
        for (int i = 0; i < names.length; i++) {
            JsonNode v = section.get(names[i]);
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < BodyLimits.MINIMUM) {
                problems.add("http.maxBodyBytes." + names[i] + " must be a whole number of bytes, at least " + BodyLimits.MINIMUM + ", not " + v);
                continue;
            }
            limits[i] = v.longValue();
        }
        return new BodyLimits(limits[0], limits[1], limits[2]);
    }

    /** {@code name:probability,...}: for the crash test, checkpoints where the process kills itself. */
    private static Map<String, Double> haltAt(String spec, List<String> problems) {
        Map<String, Double> points = new java.util.HashMap<>();
        if (spec == null || spec.isBlank()) {
            return points;
        }
        for (String item : spec.split(",")) {
            String[] parts = item.strip().split(":", 2);
            try {
                double p = parts.length == 2 ? Double.parseDouble(parts[1]) : 1.0;
                if (!(p >= 0 && p <= 1)) {
                    throw new NumberFormatException();
                }
                if (!org.mms.checkpoint.Checkpoint.ALL.contains(parts[0])) {
                    problems.add("MMS_HALT_AT: no checkpoint \"" + parts[0] + "\"; there are " + org.mms.checkpoint.Checkpoint.ALL);
                    continue;
                }
                points.put(parts[0], p);
            } catch (NumberFormatException e) {
                problems.add("MMS_HALT_AT takes checkpoint:probability pairs (probability 0 to 1), not \"" + item + "\"");
            }
        }
        return points;
    }

    /** The mail server, when a host is given; every other field has a default that suits a submission server. */
    private static Optional<SmtpSettings> smtp(JsonNode json, Map<String, String> env, List<String> problems) {
        JsonNode section = json == null || json.get("mail") == null ? null : json.get("mail").get("smtp");
        if (section != null && section.isObject()) {
            section.propertyNames().stream().filter(n -> !SMTP_FIELDS.contains(n))
                    .forEach(n -> problems.add("unknown setting \"mail.smtp." + n + "\" in the config file"));
        }
        Optional<String> host = first(env.get("MMS_SMTP_HOST"), text(json, "mail", "smtp", "host"));
        if (host.isEmpty()) {
            if (section != null) {
                problems.add("mail.smtp needs a host (MMS_SMTP_HOST)");
            }
            return Optional.empty();
        }
        String securityName = first(env.get("MMS_SMTP_SECURITY"), text(json, "mail", "smtp", "security")).orElse("starttls");
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.valueOf(securityName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("mail.smtp.security must be starttls, tls or none, not \"" + securityName + "\"");
            return Optional.empty();
        }
        int defaultPort = switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
        int port = integer(env.get("MMS_SMTP_PORT"), json, problems, "mail", "smtp", "port").orElse(defaultPort);
        Optional<String> user = first(env.get("MMS_SMTP_USER"), text(json, "mail", "smtp", "username"));
        Optional<String> password = first(env.get("MMS_SMTP_PASSWORD"), text(json, "mail", "smtp", "password"));
        if (user.isPresent() != password.isPresent()) {
            problems.add("mail.smtp needs both a username and a password to log in, or neither");
            return Optional.empty();
        }
        double rate;
        String rateText = first(env.get("MMS_SMTP_RATE"), text(json, "mail", "smtp", "maxMessagesPerSecond"))
                .orElse(String.valueOf(SmtpSettings.DEFAULT_MAX_MESSAGES_PER_SECOND));
        try {
            rate = Double.parseDouble(rateText);
        } catch (NumberFormatException e) {
            problems.add("mail.smtp.maxMessagesPerSecond must be a number, not \"" + rateText + "\"");
            return Optional.empty();
        }
        try {
            return Optional.of(new SmtpSettings(host.get(), port, security,
                    user.map(u -> new SmtpSettings.Login(u, password.orElseThrow())), SmtpSettings.DEFAULT_CONNECT_TIMEOUT,
                    SmtpSettings.DEFAULT_READ_TIMEOUT, rate));
        } catch (IllegalArgumentException e) {
            problems.add("mail.smtp: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static final Set<String> SMTP_FIELDS = Set.of("host", "port", "security", "username", "password", "maxMessagesPerSecond");

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
