package org.mms.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.mms.config.ServiceConfig;

/**
 * Where the cmdlets find the server and the admin token: {@code MMS_URL} (default {@value #DEFAULT_URL})
 * and {@code MMS_TOKEN}, else the file {@code $MMS_DATA/admin-token} the server writes on first start
 * ({@code MMS_DATA} defaults to {@value #DEFAULT_DATA}, as the server's does). The token is read only
 * when a cmdlet calls the server, so {@code --help} works anywhere.
 */
record ServerSettings(URI url, Map<String, String> env, boolean operator, boolean allowPlainHttp) {

    static final String DEFAULT_URL = "http://127.0.0.1:8470";
    static final String DEFAULT_DATA = "data";
    static final String TOKEN_FILE = "admin-token";
    static final String OPERATOR_TOKEN_FILE = "operator-token";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Imports of large calendars take a while; nothing else comes close. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /** Shown in every cmdlet's help; lines short enough that picocli need not wrap them. */
    static final String HELP = "%nServer and token:%n"
            + "  MMS_URL    the MMS server (default " + DEFAULT_URL + ")%n"
            + "  MMS_TOKEN  the admin token (default: the contents of $MMS_DATA/" + TOKEN_FILE + ";%n"
            + "             MMS_DATA is the server's data directory, default ./" + DEFAULT_DATA + ")%n"
            + "  MMS_OPERATOR_TOKEN  for New-/Get-/Remove-CsTenant (default: the contents%n"
            + "             of $MMS_DATA/" + OPERATOR_TOKEN_FILE + ")%n"
            + "  MMS_ALLOW_PLAIN_HTTP=true (or -AllowPlainHttp) sends the token over plain%n"
            + "             http to another machine (only on a network you trust).%n"
            + "Parameter names are case-insensitive; -Name value and -Name:value both work.%n"
            + "Booleans: $true, $false, true, false. Dates: 10/1/2026, \"10/1/2026 14:30\"%n"
            + "(this computer's time zone) or ISO-8601 such as 2026-10-01T09:00:00Z.%n"
            + "Several users: -Identity a@x,b@x or -IdentityFile users.csv, one line each.%n"
            + "Exit codes: 0 done, 1 refused by the server or server unreachable, 2 usage,%n"
            + "4 some of several users failed.";

    static ServerSettings from(Map<String, String> env) {
        String given = env.getOrDefault("MMS_URL", "").strip();
        String url = given.isEmpty() ? DEFAULT_URL : given.replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
            return new ServerSettings(uri, Map.copyOf(env), false, "true".equalsIgnoreCase(env.getOrDefault("MMS_ALLOW_PLAIN_HTTP", "").strip()));
        } catch (URISyntaxException e) {
            throw new CmdletFailure("MMS_URL must be the server's URL, such as " + DEFAULT_URL + ", not '" + given + "'");
        }
    }

    /** The same server, with the service operator's token instead of the admin token. */
    ServerSettings asOperator() {
        return new ServerSettings(url, env, true, allowPlainHttp);
    }

    /** The same server; plain http to another machine allowed when {@code allow}. */
    ServerSettings allowingPlainHttp(boolean allow) {
        return new ServerSettings(url, env, operator, allowPlainHttp || allow);
    }

    /**
     * Refuses to send a token over plain http to anything but this machine: on the way, anyone could
     * read it and act as the admin. HTTPS, loopback, or the caller's explicit say-so.
     */
    void checkTransport() {
        if (!"http".equals(url.getScheme()) || allowPlainHttp || ServiceConfig.Http.isLoopback(url.getHost())) {
            return;
        }
        throw new CmdletFailure("refusing to send the token over plain http to " + url.getHost() + ", where anyone on the way could read it; "
                + "use an https MMS_URL, or -AllowPlainHttp (MMS_ALLOW_PLAIN_HTTP=true) if the network is yours");
    }

    /** The admin token (or the service operator's) and where it came from, for messages. */
    Token token() {
        String variable = operator ? "MMS_OPERATOR_TOKEN" : "MMS_TOKEN";
        String token = env.getOrDefault(variable, "").strip();
        if (!token.isEmpty()) {
            return new Token(token, variable);
        }
        Path file = tokenFile();
        try {
            String fromFile = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (fromFile.isEmpty()) {
                throw new CmdletFailure("the token file " + file + " is empty; set " + variable + " or MMS_DATA");
            }
            return new Token(fromFile, file.toString());
        } catch (NoSuchFileException e) {
            throw new CmdletFailure("no " + (operator ? "service operator" : "admin") + " token: set " + variable
                    + ", or MMS_DATA to the server's data directory (" + file + " does not exist)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path tokenFile() {
        String data = env.getOrDefault("MMS_DATA", "").strip();
        return Path.of(data.isEmpty() ? DEFAULT_DATA : data, operator ? OPERATOR_TOKEN_FILE : TOKEN_FILE);
    }

    record Token(String value, String source) {
        @Override
        public String toString() {
            return "Token[from " + source + "]";
        }
    }
}
