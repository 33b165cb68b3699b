package org.mms.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;
import org.mms.itip.mail.ComposeImipMessage;
import org.mms.itip.mail.SmtpMailer;
import org.mms.itip.mail.SmtpSettings;
import org.mms.testing.ItipRequests;

/**
 * Messages per second from {@link SmtpMailer} to GreenMail on this machine, printed, never asserted (run
 * by {@code bench/smtp}): one connection for the whole round, and a new connection per message (the
 * round ended after each one). Each message is the Outlook series fixture (about 6 KB of calendar, text
 * and HTML) to one attendee, so a message is one delivered copy. Plain SMTP on the loopback interface,
 * no login; the rate limit is set far above what is reached.
 */
public final class SmtpBenchmark {

    private SmtpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            SmtpSettings settings = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSettings.Security.NONE,
                    Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(30), 1_000_000);
            ComposeImipMessage composer = new ComposeImipMessage(Clock.systemUTC(), Optional.of(Mailbox.of("mms@service.contoso.com")));
            System.out.printf(Locale.ROOT, "SMTP benchmark: GreenMail on 127.0.0.1, %d messages per run, %d cores, java %s%n", messages,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            run(settings, composer, Math.min(messages, 200), true); // warm-up: JIT, GreenMail's store
            run(settings, composer, Math.min(messages, 50), false);
            List<Double> reused = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                greenMail.purgeEmailFromAllMailboxes();
                reused.add(run(settings, composer, messages, true));
                greenMail.purgeEmailFromAllMailboxes();
                fresh.add(run(settings, composer, messages, false));
            }
            System.out.printf(Locale.ROOT, "one connection per round:   %s msg/s%n", format(reused));
            System.out.printf(Locale.ROOT, "one connection per message: %s msg/s%n", format(fresh));
        } finally {
            greenMail.stop();
        }
    }

    private static double run(SmtpSettings settings, ComposeImipMessage composer, int messages, boolean reuse) {
        List<ItipRequest> requests = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            requests.add(ItipRequests.aRequest().uid("bench-" + i).attendees(Mailbox.of("attendee" + (i % 50) + "@contoso.com")).build());
        }
        try (SmtpMailer mailer = new SmtpMailer(settings, composer)) {
            long start = System.nanoTime();
            for (ItipRequest request : requests) {
                mailer.send(request);
                if (!reuse) {
                    mailer.endRound();
                }
            }
            mailer.endRound();
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String format(List<Double> rates) {
        List<String> each = rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList();
        double median = rates.stream().sorted().toList().get(rates.size() / 2);
        return String.format(Locale.ROOT, "%.0f (median of %s)", median, String.join(", ", each));
    }
}
