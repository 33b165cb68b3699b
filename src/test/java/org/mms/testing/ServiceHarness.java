package org.mms.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mms.admin.AdminService;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcCalendarFrames;
import org.mms.db.JdbcCalendarStore;
import org.mms.db.JdbcDecisionLog;
import org.mms.db.JdbcDirectory;
import org.mms.db.JdbcMessageOutbox;
import org.mms.db.JdbcMigrationJournal;
import org.mms.db.JdbcMigrationQueue;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.itip.SendOutbox;
import org.mms.itip.mail.ComposeImipMessage;
import org.mms.itip.mail.PickupDirectory;
import org.mms.migration.MigrateOrganizer;
import org.mms.migration.RunMigrations;
import org.mms.queue.WorkerId;

/**
 * The service's parts wired as {@code MmsService} wires them, on a private in-memory database and a
 * clock the test moves: no threads, no sleeps. A test calls the admin facade, then runs one worker
 * step or one sending round when it wants.
 */
public final class ServiceHarness implements AutoCloseable {

    public static final TenantId TENANT = new TenantId("t1");

    public final MutableClock clock;
    public final Database db;
    public final JdbcDirectory directory;
    public final JdbcMigrationQueue queue;
    public final JdbcMigrationJournal journal;
    public final JdbcMessageOutbox outbox;
    public final JdbcCalendarStore store;
    public final AdminService admin;
    public final RunMigrations worker;
    public final SendOutbox sender;
    public final Path pickup;

    public ServiceHarness(Path pickup, Instant start) {
        this.clock = MutableClock.at(start);
        this.db = Database.open(DatabaseConfig.inMemory("service-" + UUID.randomUUID()));
        this.directory = new JdbcDirectory(db);
        this.queue = new JdbcMigrationQueue(db);
        this.journal = new JdbcMigrationJournal(db);
        this.outbox = new JdbcMessageOutbox(db);
        this.store = new JdbcCalendarStore(db, clock);
        this.admin = new AdminService(directory, queue, queue, journal, new JdbcDecisionLog(db), store, new JdbcCalendarFrames(db, clock),
                outbox, clock, new SecureRandom());
        this.worker = new RunMigrations(queue, directory, new MigrateOrganizer(store, journal, clock), clock, new WorkerId("test-worker"),
                Duration.ofMinutes(2));
        this.pickup = pickup;
        this.sender = new SendOutbox(outbox, new PickupDirectory(pickup, new ComposeImipMessage(clock, java.util.Optional.empty())), clock);
        directory.saveTenant(new Tenant(TENANT, "Contoso", List.of("contoso.com"), TenantSettings.defaults("contoso", "contoso.com")));
    }

    /** Runs worker steps until none finds work; returns how many requests ran. */
    public int runDueMigrations() {
        int ran = 0;
        while (worker.runOnce()) {
            ran++;
        }
        return ran;
    }

    /** The user's stored calendar resources with an occurrence from {@code from} on, by href: what a migration would look at. */
    public java.util.Map<String, byte[]> storedCalendar(String upn, Instant from) {
        org.mms.directory.User user = directory.findUser(TENANT, upn).orElseThrow().value();
        java.util.Map<String, byte[]> resources = new java.util.HashMap<>();
        store.forEachCandidate(new org.mms.calendar.Mailbox(TENANT, user.id()), from, from.plus(Duration.ofDays(3650)), 50,
                r -> resources.put(r.ref().href(), r.data()));
        return resources;
    }

    @Override
    public void close() {
        db.close();
    }
}
