package org.mms.itip.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * GreenMail's SMTP server (the real protocol implementation, in this JVM) with the few hooks the tests
 * need that its own configuration lacks: it counts connections, can require a login before MAIL FROM,
 * can answer MAIL FROM, RCPT TO or the end of the content with a reply the test chooses (GreenMail
 * itself accepts everything), can drop every open connection, and can serve implicit TLS with a
 * certificate the test chooses (GreenMail's own names no host).
 */
final class TestSmtpServer implements AutoCloseable {

    private final Managers managers = new Managers();
    private final Hooks hooks = new Hooks(managers);
    private final AtomicInteger connections = new AtomicInteger();
    private final List<ProtocolHandler> handlers = new CopyOnWriteArrayList<>();
    private final Server server;

    private TestSmtpServer(Optional<SSLServerSocketFactory> tls) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", tls.isPresent() ? ServerSetup.PROTOCOL_SMTPS : ServerSetup.PROTOCOL_SMTP);
        this.server = new Server(setup, managers, tls);
        // Anyone may log in (and may send without logging in) unless a test adds users and requires it.
        managers.getUserManager().setAuthRequired(false);
    }

    static TestSmtpServer plain() {
        return new TestSmtpServer(Optional.empty()).start();
    }

    /** Implicit TLS from the first byte, with the key and certificate {@code factory} serves. */
    static TestSmtpServer tls(SSLServerSocketFactory factory) {
        return new TestSmtpServer(Optional.of(factory)).start();
    }

    private TestSmtpServer start() {
        server.startService();
        try {
            if (!server.waitTillRunning(10_000)) {
                throw new IllegalStateException("GreenMail SMTP did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    int port() {
        return server.getPort();
    }

    /** Settings that reach this server at {@code host}: plain or implicit TLS as it listens, no login, short timeouts. */
    SmtpSettings settings(String host) {
        return new SmtpSettings(host, port(), server.tls.isPresent() ? SmtpSettings.Security.TLS : SmtpSettings.Security.NONE,
                Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10), 1_000);
    }

    /** Only {@code login}/{@code password} may log in, and MAIL FROM without a login gets 530. */
    TestSmtpServer requireLogin(String email, String login, String password) {
        try {
            managers.getUserManager().createUser(email, login, password);
        } catch (UserException e) {
            throw new IllegalStateException(e);
        }
        managers.getUserManager().setAuthRequired(true);
        hooks.loginRequired = true;
        return this;
    }

    /** RCPT TO for {@code address} gets {@code reply}, every time. */
    TestSmtpServer replyToRecipient(String address, String reply) {
        hooks.recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The next MAIL FROM commands get these replies, one each, then MAIL FROM is accepted again. */
    TestSmtpServer replyToNextMailFrom(String... replies) {
        synchronized (hooks.senderReplies) {
            hooks.senderReplies.addAll(List.of(replies));
        }
        return this;
    }

    /** The end of the next messages' content gets these replies, one each. */
    TestSmtpServer replyToNextContent(String... replies) {
        synchronized (hooks.contentReplies) {
            hooks.contentReplies.addAll(List.of(replies));
        }
        return this;
    }

    /** Closes every open connection from the server's side, as a server does after an idle timeout. */
    void dropConnections() {
        handlers.forEach(ProtocolHandler::close);
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Every delivered copy, one per recipient, in delivery order. */
    List<MimeMessage> received() {
        return managers.getImapHostManager().getAllMessages().stream().map(StoredMessage::getMimeMessage).toList();
    }

    /** How many copies went to {@code email}'s mailbox (one per RCPT TO that was accepted and followed by the content). */
    int copiesFor(String email) {
        GreenMailUser user = managers.getUserManager().getUserByEmail(email);
        try {
            return user == null ? 0 : managers.getImapHostManager().getInbox(user).getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stopService(5_000);
        dropConnections();
    }

    private final class Server extends SmtpServer {
        private final Optional<SSLServerSocketFactory> tls;

        Server(ServerSetup setup, Managers managers, Optional<SSLServerSocketFactory> tls) {
            super(setup, managers);
            this.tls = tls;
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            connections.incrementAndGet();
            ProtocolHandler handler = new SmtpHandler(new SmtpCommandRegistry(), hooks, clientSocket);
            handlers.add(handler);
            return handler;
        }

        /**
         * As GreenMail does it, except that a TLS handshake the client refused (what the certificate
         * tests want) ends the connection quietly instead of printing a stack trace from the thread.
         */
        @Override
        protected void handleClientSocket(Socket clientSocket) throws SocketException {
            clientSocket.setSoTimeout(30_000);
            ProtocolHandler handler = createProtocolHandler(clientSocket);
            Thread.ofPlatform().name("test-smtp<-" + clientSocket.getPort()).daemon(true).start(() -> {
                try {
                    handler.run();
                } catch (IllegalStateException e) {
                    if (!(e.getCause() instanceof SSLException)) {
                        throw e;
                    }
                } finally {
                    handlers.remove(handler);
                }
            });
        }

        @Override
        protected ServerSocket openServerSocket() throws IOException {
            if (tls.isEmpty()) {
                return super.openServerSocket();
            }
            ServerSocket socket = tls.get().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindTo, 0));
            setup = setup.port(socket.getLocalPort());
            return socket;
        }
    }

    /** GreenMail asks its SmtpManager whether to accept a sender, a recipient and the content: the replies come from here. */
    private static final class Hooks extends SmtpManager {
        volatile boolean loginRequired;
        final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
        final Queue<String> senderReplies = new ArrayDeque<>();
        final Queue<String> contentReplies = new ArrayDeque<>();

        Hooks(Managers managers) {
            super(managers.getImapHostManager(), managers.getUserManager());
        }

        @Override
        public String checkSender(SmtpState state, MailAddress sender) {
            if (loginRequired && state.getMessage().getAuthenticationState() == null) {
                return "530 5.7.0 Authentication required";
            }
            synchronized (senderReplies) {
                return senderReplies.poll();
            }
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress recipient) {
            return recipientReplies.get(recipient.getEmail().toLowerCase(Locale.ROOT));
        }

        @Override
        public String checkData(SmtpState state) {
            synchronized (contentReplies) {
                return contentReplies.poll();
            }
        }
    }
}
