package org.mms.testing;

import java.util.Map;
import java.util.Optional;
import org.mms.api.ApiServer;
import org.mms.api.ReadinessCheck;
import org.mms.directory.TenantId;

/**
 * The real API server on a free port over a {@link StubAdmin}, with two tenants and a token each, and
 * a readiness the test can flip. Test classes share one per class (a graceful stop takes about a
 * second) and {@link #reset()} it before each test. Close it to stop the server.
 */
public final class RunningApi implements AutoCloseable {

    public static final TenantId CONTOSO = new TenantId("contoso");
    public static final TenantId FABRIKAM = new TenantId("fabrikam");
    public static final String CONTOSO_TOKEN = "contoso-admin-token";
    public static final String FABRIKAM_TOKEN = "fabrikam-admin-token";

    private static final Map<String, TenantId> TOKENS = Map.of(CONTOSO_TOKEN, CONTOSO, FABRIKAM_TOKEN, FABRIKAM);

    public final StubAdmin admin = new StubAdmin();
    public volatile ReadinessCheck.Readiness readiness = ReadinessCheck.Readiness.ok();
    public final ApiServer server;

    public RunningApi() {
        server = new ApiServer(admin, token -> Optional.ofNullable(TOKENS.get(token)), () -> readiness).start("127.0.0.1", 0);
    }

    /** With a readiness check of the test's own instead of {@link #readiness}. */
    public RunningApi(ReadinessCheck check) {
        server = new ApiServer(admin, token -> Optional.ofNullable(TOKENS.get(token)), check).start("127.0.0.1", 0);
    }

    /** Back to a fresh stub and a ready service, for the next test on a shared server. */
    public void reset() {
        admin.reset();
        readiness = ReadinessCheck.Readiness.ok();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
