package org.mms.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mms.config.LoadConfig;
import org.mms.config.ServiceConfig;
import org.mms.directory.TenantId;
import org.mms.service.MmsService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mms token}: a new admin token when every one is lost, made on the machine itself. */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Makes a new admin token for a tenant and writes it to DATA/admin-token (readable only by you), "
            + "replacing that file. For lost access: it opens the database directly, so whoever runs it needs the "
            + "data directory (or, with PostgreSQL, the database settings from the configuration); no token is asked for.",
            "",
            "With the embedded database, stop the server first: the database belongs to one process. Revoke tokens "
                + "you no longer trust with Revoke-CsAdminToken afterwards.", ""})
final class TokenCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    MmsCommand mms;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory. Default: ./data (or MMS_DATA).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file the server runs with (for PostgreSQL).")
    Path config;

    @Option(names = "--tenant", paramLabel = "ID", description = "The tenant. Default: the first tenant, " + "default" + ".")
    String tenant;

    @Override
    public Integer call() throws Exception {
        ServiceConfig loaded = LoadConfig.load(Optional.ofNullable(data), Optional.ofNullable(config), mms.env);
        TenantId id = new TenantId(tenant == null || tenant.isBlank() ? MmsService.FIRST_TENANT.value() : tenant.strip());
        Path file;
        try {
            file = MmsService.recoverAdminToken(loaded, id, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (!loaded.database().isPostgres() && inUse(e)) {
                mms.err.println("mms: the embedded database is in use by a running server; stop it, then run mms token again");
                return ExitCodes.ERROR;
            }
            throw e;
        }
        mms.out.println("A new admin token for tenant " + id + " is in " + file.toAbsolutePath() + " (readable only by you).");
        mms.out.flush();
        return ExitCodes.OK;
    }

    /** H2's refusal to open a file another process holds, wherever the pool wrapped it. */
    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("already in use") || m.contains("locked")) {
                return true;
            }
        }
        return false;
    }
}
