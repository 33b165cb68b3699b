package org.mms.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cyrus IMAP 3.6 with its CalDAV service (Debian packages {@code cyrus-common}, {@code cyrus-imapd},
 * {@code cyrus-caldav}, {@code sasl2-bin}) on a free port of 127.0.0.1, run by its own {@code master}
 * from a private directory: private {@code imapd.conf} and {@code cyrus.conf} (never the system's),
 * a private sasldb with one account and an administrator, the account's mailbox {@code user.<name>}
 * (its calendars are made by Cyrus at the first sign-in), HTTP Basic authentication.
 *
 * <p>Cyrus does RFC 6638 server-side scheduling: when the owner of a calendar writes a meeting it
 * organizes, Cyrus sends each attendee the iTIP message itself, by iMIP. Here that mail goes to a
 * GreenMail SMTP server this class runs, so a test sees exactly what Cyrus sent. Cyrus is told to
 * speak SMTP to it ({@code smtp_backend: host}) instead of piping to a {@code sendmail} program: no
 * wrapper script, no extra process per message, and the same SMTP session Cyrus would have with a
 * relay. Addresses in {@link #DOMAIN} are this server's: {@code mailto:<account>@contoso.com} is the
 * account, so a meeting whose ORGANIZER it is gets scheduled when written to the account's calendar.
 *
 * <p>Cyrus's services refuse to run as root, so as root they run as the packages' {@code cyrus} user
 * (the private directory is handed to it); as anyone else, as that user.
 */
public final class CyrusServer implements CalDavServer {

    /** The calendar user addresses this server is responsible for: the fixtures' organizers' domain. */
    public static final String DOMAIN = "contoso.com";

    private static final Path BIN = Path.of("/usr/lib/cyrus/bin");
    private static final String SERVERNAME = "localhost";
    private static final String ADMIN = "cyrusadmin";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    private final ServerProcess process;
    private final GreenMail smtp;
    private final String user;
    private final String password;

    private CyrusServer(ServerProcess process, GreenMail smtp, String user, String password) {
        this.process = process;
        this.smtp = smtp;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts one with the account {@code user}, scheduling as Cyrus does out of the box; skips the test
     * (or fails under CI) when Cyrus is not installed.
     */
    public static CyrusServer start(String user) {
        return start(user, true);
    }

    /**
     * The same with server-side scheduling off ({@code caldav_allowscheduling: off}): Cyrus then only
     * stores, and no longer holds an account to one scheduled meeting per UID across all its calendars
     * (RFC 6638 §3.2.4.1), which a test that keeps many mailboxes as calendars of one account needs.
     */
    public static CyrusServer startWithoutScheduling(String user) {
        return start(user, false);
    }

    private static CyrusServer start(String user, boolean schedules) {
        Path master = RequiredServer.assumeInstalled(BIN.resolve("master"), "cyrus-common");
        RequiredServer.assumeInstalled(BIN.resolve("imapd"), "cyrus-imapd");
        RequiredServer.assumeInstalled(BIN.resolve("httpd"), "cyrus-caldav");
        Path saslpasswd = RequiredServer.assumeOrFail("saslpasswd2", "sasl2-bin");
        // In memory where the machine has it: Cyrus syncs every write to disk, which costs about half the
        // store contract's time here, for data the test throws away.
        Path directory = ServerProcess.privateDirectory("cyrus", Path.of("/dev/shm"));
        String password = "pw-" + UUID.randomUUID();
        String adminPassword = "pw-" + UUID.randomUUID();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            for (String dir : List.of("conf/db", "conf/socket", "spool", "lock", "proc", "sieve", "socket")) {
                Files.createDirectories(directory.resolve(dir));
            }
            addAccount(saslpasswd, directory, user, password);
            addAccount(saslpasswd, directory, ADMIN, adminPassword);
            ServerProcess process = ServerProcess.startOnFreePort("cyrus", directory, port -> {
                writeConfig(directory, port, smtp.getSmtp().getPort(), schedules);
                handOverToServiceUser(directory);
                return List.of(master.toString(), "-C", directory.resolve("imapd.conf").toString(),
                        "-M", directory.resolve("cyrus.conf").toString(), "-p", directory.resolve("master.pid").toString(),
                        // In the foreground, so that the test owns the process and stops it.
                        "-D");
            });
            CyrusServer server = new CyrusServer(process, smtp, user, password);
            try {
                server.createMailbox(adminPassword);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    private static void addAccount(Path saslpasswd, Path directory, String name, String secret) throws IOException {
        Process process = new ProcessBuilder(saslpasswd.toString(), "-p", "-c", "-f", directory.resolve("sasldb2").toString(),
                "-u", SERVERNAME, name).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("saslpasswd2 could not add " + name + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void writeConfig(Path directory, int httpPort, int smtpPort, boolean schedules) {
        String conf = directory.resolve("imapd.conf").toString();
        try {
            Files.writeString(directory.resolve("imapd.conf"), String.join("\n",
                    "configdirectory: " + directory.resolve("conf"),
                    "defaultpartition: default",
                    "partition-default: " + directory.resolve("spool"),
                    "proc_path: " + directory.resolve("proc"),
                    "mboxname_lockpath: " + directory.resolve("lock"),
                    "sievedir: " + directory.resolve("sieve"),
                    "lmtpsocket: " + directory.resolve("socket/lmtp"),
                    "idlesocket: " + directory.resolve("socket/idle"),
                    "notifysocket: " + directory.resolve("socket/notify"),
                    "cyrus_user: " + serviceUser(),
                    "servername: " + SERVERNAME,
                    "admins: " + ADMIN,
                    // "user.alice" is alice's mailbox, as in the Cyrus documentation (not "user/alice").
                    "unixhierarchysep: no",
                    "altnamespace: no",
                    "allowplaintext: yes",
                    "sasl_pwcheck_method: auxprop",
                    "sasl_auxprop_plugin: sasldb",
                    "sasl_sasldb_path: " + directory.resolve("sasldb2"),
                    "sasl_mech_list: PLAIN",
                    "httpmodules: caldav",
                    "caldav_allowscheduling: " + (schedules ? "on" : "off"),
                    "calendar_user_address_set: " + DOMAIN,
                    "smtp_backend: host",
                    "smtp_host: 127.0.0.1:" + smtpPort,
                    "syslog_prefix: mms-cyrus",
                    ""), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("cyrus.conf"), String.join("\n",
                    "START {",
                    "  recover cmd=\"" + BIN.resolve("ctl_cyrusdb") + " -C " + conf + " -r\"",
                    "}",
                    "SERVICES {",
                    // IMAP only for making mailboxes, on a socket of the private directory: no second TCP port.
                    "  imap cmd=\"" + BIN.resolve("imapd") + " -C " + conf + "\" listen=\"" + imapSocket(directory) + "\" prefork=0",
                    "  http cmd=\"" + BIN.resolve("httpd") + " -C " + conf + "\" listen=\"127.0.0.1:" + httpPort + "\" prefork=1",
                    "}",
                    "EVENTS {",
                    "}",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path imapSocket(Path directory) {
        return directory.resolve("socket/imap");
    }

    private static boolean runningAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** Who Cyrus's services run as: never root, which they refuse. */
    private static String serviceUser() {
        return runningAsRoot() ? "cyrus" : System.getProperty("user.name");
    }

    private static void handOverToServiceUser(Path directory) {
        if (!runningAsRoot()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            UserPrincipal cyrus = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("cyrus");
            for (Path path : paths.toList()) {
                Files.setOwner(path, cyrus);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not hand " + directory + " over to the user cyrus", e);
        }
    }

    /** {@code CREATE user.<account>} as the administrator, over IMAP on the private socket. */
    private void createMailbox(String adminPassword) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(imapSocket(process.directory())));
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(channel)) {
            expect(in, "*", "greeting");
            command(in, out, "a1", "LOGIN " + ADMIN + " " + adminPassword);
            command(in, out, "a2", "CREATE user." + user);
            command(in, out, "a3", "LOGOUT");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the mailbox user." + user + "\n" + log(), e);
        }
    }

    private static void command(BufferedReader in, OutputStream out, String tag, String command) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, tag, command.split(" ")[0]);
    }

    /** Reads up to the line tagged {@code tag}, which must say OK. */
    private static void expect(BufferedReader in, String tag, String what) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IllegalStateException("Cyrus IMAP " + what + ": " + line);
                }
                return;
            }
        }
        throw new IllegalStateException("Cyrus IMAP closed the connection before answering " + what);
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + process.port() + "/");
    }

    @Override
    public Optional<String> username() {
        return Optional.of(user);
    }

    @Override
    public Optional<String> password() {
        return Optional.of(password);
    }

    @Override
    public String calendarPathTemplate() {
        return "/dav/calendars/user/" + user + "/{name}/";
    }

    /** The account's address in {@link #DOMAIN}: a meeting it organizes is scheduled by Cyrus. */
    public String address() {
        return user + "@" + DOMAIN;
    }

    /** Cyrus logs to syslog only: this is what its master process printed, usually nothing. */
    @Override
    public String log() {
        return process.log();
    }

    /**
     * The messages Cyrus sent to {@code address}, as the SMTP server received them. Cyrus sends while it
     * answers the write, so they are there when the write returns; the wait only covers a slow machine.
     */
    public List<MimeMessage> mailTo(String address) {
        return smtp.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    /** Every message Cyrus sent, one per recipient. */
    public List<MimeMessage> mailSent() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** Waits until at least {@code count} messages have arrived in all; false if they did not in time. */
    public boolean awaitMail(int count) {
        return smtp.waitForIncomingEmail(MAIL_WAIT.toMillis(), count);
    }

    /** Forgets the mail received so far (what seeding a calendar made Cyrus send, say). */
    public void forgetMail() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not empty the SMTP server's mailboxes", e);
        }
    }

    /** The private directory of configuration, storage and log. */
    Path directory() {
        return process.directory();
    }

    /** The master process (its children, the services, are stopped with it). */
    ProcessHandle processHandle() {
        return process.handle();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            smtp.stop();
        }
    }
}
