package org.mms.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The GET calls of the status cmdlet's quick start: the same server, token and TLS settings as {@link MmsClient}
 * ({@link ServerSettings}, the JDK's default trust), the same failures in the same words ({@link CmdletFailure}),
 * but over {@link HttpURLConnection} and Jackson's streaming parser, which a JVM loads in a fraction of the
 * time the JDK HTTP client and Jackson's data binding take. It answers only what it is sure the full cmdlet
 * would answer the same way: anything else (a redirect, a TLS or name failure, an answer of another shape)
 * is {@link QuickCmdlets.Unsure}, and the full cmdlet makes the call again and says what it says.
 */
final class QuickClient {

    private static final JsonFactory JSON = new JsonFactory();

    private final ServerSettings settings;
    /** Read on the first call, as {@link MmsClient} does: the order of the failures is the full cmdlet's. */
    private ServerSettings.Token token;

    QuickClient(ServerSettings settings) {
        this.settings = settings;
    }

    /** The objects of the answer to {@code GET path?query}: one for an object, each of an array's. */
    List<PsRow> get(String path, Map<String, String> query) throws QuickCmdlets.Unsure {
        if (token == null) {
            settings.checkTransport();
            token = settings.token();
        }
        URI server = settings.url();
        if (server.getRawUserInfo() != null || server.getRawQuery() != null || server.getRawFragment() != null) {
            // The JDK HTTP client refuses some of these and HttpURLConnection drops them: the full cmdlet's say.
            throw new QuickCmdlets.Unsure("an MMS_URL with more than a scheme, a host, a port and a path");
        }
        URI uri;
        try {
            uri = URI.create(settings.url() + path + query(query));
        } catch (IllegalArgumentException e) {
            throw new QuickCmdlets.Unsure(e.toString());
        }
        HttpURLConnection connection = open(uri);
        try {
            int status = status(connection);
            if (status == 200) {
                return rows(body(connection.getInputStream()));
            }
            if (status < 400) {
                throw new QuickCmdlets.Unsure("HTTP " + status);
            }
            String problem = connection.getContentType();
            InputStream error = connection.getErrorStream();
            String detail = problem != null && problem.startsWith("application/problem+json") && error != null ? detail(body(error)) : "";
            // The path as the full cmdlet names it, with any MMS_URL holds in front of /api/v1.
            throw CmdletFailure.refused(settings, token, "GET", uri.getPath(), status, detail);
        } catch (IOException e) {
            throw new QuickCmdlets.Unsure(e.toString());
        }
    }

    private static String query(Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            q.append(q.isEmpty() ? '?' : '&').append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private HttpURLConnection open(URI uri) throws QuickCmdlets.Unsure {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            // The JDK HTTP client of the full cmdlet follows none either.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout((int) ServerSettings.CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) ServerSettings.REQUEST_TIMEOUT.toMillis());
            connection.setRequestProperty("Authorization", "Bearer " + token.value());
            connection.setRequestProperty("Accept", "application/json");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new QuickCmdlets.Unsure(e.toString());
        }
    }

    /**
     * Connects, then reads the status line, so that a refused or silent connection and a silent server tell
     * apart as the full cmdlet tells them: the two time-outs and a refusal have its words; any other failure
     * (no such host, TLS) is worded by the JDK client in its own way, so the full cmdlet says it.
     */
    private int status(HttpURLConnection connection) throws QuickCmdlets.Unsure {
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            throw CmdletFailure.noConnection(settings.url());
        } catch (ConnectException e) {
            throw CmdletFailure.unreachable(settings.url(), "connection refused");
        } catch (IOException e) {
            throw new QuickCmdlets.Unsure(e.toString());
        }
        try {
            return connection.getResponseCode();
        } catch (SocketTimeoutException e) {
            throw CmdletFailure.noAnswer(settings.url());
        } catch (IOException e) {
            throw new QuickCmdlets.Unsure(e.toString());
        }
    }

    private static byte[] body(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** An object, or an array of objects, whose values are text, whole numbers, booleans or null. */
    private static List<PsRow> rows(byte[] body) throws QuickCmdlets.Unsure {
        try (JsonParser json = JSON.createParser(body)) {
            List<PsRow> rows = new ArrayList<>();
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_OBJECT) {
                rows.add(row(json));
            } else if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new QuickCmdlets.Unsure("an array of other than objects");
                    }
                    rows.add(row(json));
                }
            } else {
                throw new QuickCmdlets.Unsure("neither an object nor an array");
            }
            if (json.nextToken() != null) {
                throw new QuickCmdlets.Unsure("more after the answer");
            }
            return rows;
        } catch (JacksonException e) {
            throw new QuickCmdlets.Unsure("not JSON");
        }
    }

    /** The object whose START_OBJECT was just read, its values as {@link PsFormat} shows them. */
    private static PsRow row(JsonParser json) throws QuickCmdlets.Unsure {
        List<PsRow.Property> properties = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            if (!names.add(name)) {
                // Data binding keeps the last value in the first place: rare enough to leave to it.
                throw new QuickCmdlets.Unsure("a property twice");
            }
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                properties.add(new PsRow.Property(name, json.getString(), false));
            } else if (value == JsonToken.VALUE_NUMBER_INT) {
                properties.add(new PsRow.Property(name, json.getNumberValue().toString(), true));
            } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                properties.add(new PsRow.Property(name, value == JsonToken.VALUE_TRUE ? "True" : "False", false));
            } else if (value == JsonToken.VALUE_NULL) {
                properties.add(new PsRow.Property(name, "", true));
            } else {
                throw new QuickCmdlets.Unsure("a value of another kind than text, whole number, boolean or null");
            }
        }
        return new PsRow(List.copyOf(properties));
    }

    /** The problem document's {@code detail} when it is text, empty when it has none. */
    private static String detail(byte[] body) throws QuickCmdlets.Unsure {
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new QuickCmdlets.Unsure("a problem document that is not an object");
            }
            String detail = null;
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean isDetail = json.currentName().equals("detail");
                JsonToken value = json.nextToken();
                if (isDetail && (detail != null || value != JsonToken.VALUE_STRING)) {
                    throw new QuickCmdlets.Unsure("a problem document whose detail is not one text");
                }
                if (isDetail) {
                    detail = json.getString();
                }
                json.skipChildren();
            }
            if (json.nextToken() != null) {
                throw new QuickCmdlets.Unsure("more after the problem document");
            }
            return detail == null ? "" : detail;
        } catch (JacksonException e) {
            throw new QuickCmdlets.Unsure("a problem document that is not JSON");
        }
    }
}
