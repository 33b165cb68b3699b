package org.mms.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mms.dashboard.DashboardQueries;
import org.mms.db.Database;
import org.mms.db.JdbcDashboardQueries;
import org.mms.db.JdbcDirectory;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.testing.LocalPostgres;

/**
 * Milliseconds to read one page of the dashboard's Migrations and Changes lists on the local PostgreSQL server, with
 * {@code N} migrations and as many trigger decisions in one tenant (each a different organizer), printed, never
 * asserted (run by {@code bench/dashboard}): the first page, the last page, a search in every migration's text, and a
 * state filter. Each figure is the median of the runs after a warm-up, with the slowest run.
 */
public final class DashboardBenchmark {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final int WARM_UP = 10;
    private static final String[] STATES = {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "DENIED"};
    private static final String[] TYPES = {"ALL_TO_TEAMS", "SFB_TO_SFB", "TEAMS_TO_TEAMS", "TO_SAME_TYPE"};

    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        int migrations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(2); Database db = Database.open(schema.config())) {
            TenantId tenant = tenant(new JdbcDirectory(db), "contoso");
            long start = System.nanoTime();
            fill(db, tenant, migrations);
            db.jdbi().useHandle(h -> h.execute("ANALYZE"));
            String version = db.jdbi().withHandle(h -> h.createQuery("SHOW server_version").mapTo(String.class).one());
            System.out.printf(Locale.ROOT, "Dashboard benchmark: PostgreSQL %s, %,d migrations and %,d trigger decisions in one tenant"
                            + " (filled in %.1f s), pages of 100, median of %d runs after %d, %d cores, java %s%n", version, migrations,
                    migrations, (System.nanoTime() - start) / 1e9, runs, WARM_UP, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            DashboardQueries queries = new JdbcDashboardQueries(db);
            int last = (migrations + 99) / 100;
            DashboardQueries.MigrationFilter none = DashboardQueries.MigrationFilter.none();
            measure("Migrations, first page", runs, () -> queries.migrations(tenant, none, new DashboardQueries.PageRequest(1, 100)));
            measure("Migrations, last page (" + last + ")", runs, () -> queries.migrations(tenant, none,
                    new DashboardQueries.PageRequest(last, 100)));
            measure("Migrations, search \"user1234\"", runs, () -> queries.migrations(tenant, search("user1234"),
                    new DashboardQueries.PageRequest(1, 100)));
            measure("Migrations, search matching none", runs, () -> queries.migrations(tenant, search("nobody-at-all"),
                    new DashboardQueries.PageRequest(1, 100)));
            measure("Migrations, state Failed, first page", runs, () -> queries.migrations(tenant, new DashboardQueries.MigrationFilter(
                    Optional.empty(), Optional.of(org.mms.queue.MigrationState.FAILED), Optional.empty(), Optional.empty(), Optional.empty()),
                    new DashboardQueries.PageRequest(1, 100)));
            measure("Changes, first page", runs, () -> queries.decisions(tenant, Optional.empty(), new DashboardQueries.PageRequest(1, 100)));
            measure("Changes, last page (" + last + ")", runs, () -> queries.decisions(tenant, Optional.empty(),
                    new DashboardQueries.PageRequest(last, 100)));
        }
    }

    private static DashboardQueries.MigrationFilter search(String text) {
        return new DashboardQueries.MigrationFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text));
    }

    private static void measure(String what, int runs, Supplier<DashboardQueries.Page<?>> read) {
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < runs + WARM_UP; i++) {
            long start = System.nanoTime();
            DashboardQueries.Page<?> page = read.get();
            double took = (System.nanoTime() - start) / 1e6;
            rows = page.rows().size();
            if (i >= WARM_UP) {
                millis.add(took);
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%-40s %3d rows   median %6.2f ms   slowest %6.2f ms%n", what, rows, millis.get(millis.size() / 2),
                millis.getLast());
    }

    private static void fill(Database db, TenantId tenant, int n) {
        db.jdbi().useTransaction(h -> {
            PreparedBatch requests = h.prepareBatch("""
                    INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at, settle_ms,
                      attempts, retry_count, follow_up, total_meeting, succeeded_meeting, failed_meeting, invites_update, last_message,
                      create_date, modified_date, finished_at)
                    VALUES (:c, :t, :u, :upn, :type, 'bench', :state, :at, 0, 1, 0, FALSE, 100, 98, 2, 98, :message, :at, :at, :at)""");
            PreparedBatch decisions = h.prepareBatch("""
                    INSERT INTO trigger_decision (tenant_id, user_id, upn, change_kind, change_detail, decision, migration_type, reason,
                      correlation_id, decided_at)
                    VALUES (:t, :u, :upn, 'ServiceNumberUnassigned', '+18005550100 off Bridge 1', 'Queued', 'AllToTeams', '', :c, :at)""");
            for (int i = 0; i < n; i++) {
                String state = STATES[i % STATES.length];
                String correlation = UUID.randomUUID().toString();
                var at = T0.plusSeconds(i * 7L).atOffset(ZoneOffset.UTC);
                requests.bind("c", correlation).bind("t", tenant.value()).bind("u", "id-" + i).bind("upn", "user" + i + "@contoso.example")
                        .bind("type", TYPES[i % TYPES.length]).bind("state", state)
                        .bind("message", state.equals("FAILED") ? "2 meetings could not be written: the calendar server refused them" : "")
                        .bind("at", at).add();
                decisions.bind("t", tenant.value()).bind("u", "id-" + i).bind("upn", "user" + i + "@contoso.example").bind("c", correlation)
                        .bind("at", at).add();
                if (requests.size() == 1000) {
                    requests.execute();
                    decisions.execute();
                }
            }
            if (requests.size() > 0) {
                requests.execute();
                decisions.execute();
            }
        });
    }

    private static TenantId tenant(JdbcDirectory directory, String name) {
        directory.saveTenant(new Tenant(new TenantId(name), name, List.of(name + ".example"), TenantSettings.defaults(name, name + ".example")));
        return new TenantId(name);
    }
}
