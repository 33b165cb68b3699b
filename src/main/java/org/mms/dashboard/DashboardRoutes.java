package org.mms.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mms.access.AccessControl;
import org.mms.access.AuditEvent;
import org.mms.access.Authentication;
import org.mms.access.Caller;
import org.mms.admin.Admin;
import org.mms.admin.AdminException;

/**
 * The dashboard at {@code /}: pages rendered here, signed in with an API token kept server-side behind a
 * session cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} under TLS). Every page is sent
 * with a Content-Security-Policy that allows no inline script and no framing; every action is a form post
 * that must carry the session's CSRF token and that the token's role must allow.
 */
public final class DashboardRoutes {

    static final String CSRF_FIELD = "csrf";
    static final String COOKIE = "mms_session";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /**
     * The migration page's policy: {@link #CSP} and style attributes, which the sanitized HTML blocks it renders in
     * {@code srcdoc} frames need to look like the invitation (such a frame has the policy of the page that holds it).
     * Everything else stays refused in the frames too: script, {@code <style>} elements, every fetch but the
     * dashboard's own, being framed.
     */
    static final String CSP_WITH_RENDERED_BLOCKS = CSP + "; style-src-attr 'unsafe-inline'";
    /** A token is a few dozen characters; anything much longer is not one. */
    private static final int MAX_TOKEN = 512;

    private final Admin admin;
    private final AccessControl access;
    private final Clock clock;
    private final Sessions sessions;
    private final OverviewPage overview;
    private final MigrationsPage migrations;
    private final MigrationPage migration;
    private final ChangesPage changes;
    private final SettingsPage settings;
    private final List<Action> actions;
    private final byte[] css = resource("dashboard.css");
    private final byte[] js = resource("dashboard.js");

    public DashboardRoutes(Admin admin, AccessControl access, DashboardQueries queries, Clock clock) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = new Sessions(clock);
        this.overview = new OverviewPage(admin, queries, clock);
        this.migrations = new MigrationsPage(admin, queries, clock);
        this.migration = new MigrationPage(admin, queries);
        this.changes = new ChangesPage(admin, queries);
        this.settings = new SettingsPage(admin);
        this.actions = List.of(new MigrateAgain(admin, migration), DecideApproval.approve(admin), DecideApproval.deny(admin), new Undo(admin),
                new TestCalendarStore(admin, settings));
    }

    /**
     * Adds the pages and actions, each marked {@code mark} (so the API's bearer check leaves them to the
     * session check here), sharing the API's {@code throttle} against token guessing.
     */
    public void addTo(RoutesConfig routes, RouteRole mark, SignInThrottle throttle) {
        routes.get("/dashboard.css", ctx -> asset(ctx, css, "text/css; charset=utf-8"), mark);
        routes.get("/dashboard.js", ctx -> asset(ctx, js, "text/javascript; charset=utf-8"), mark);
        routes.get("/sign-in", this::signInPage, mark);
        routes.post("/sign-in", ctx -> signIn(ctx, throttle), mark);
        routes.post("/sign-out", this::signOut, mark);
        routes.get("/", ctx -> page(ctx, overview::page), mark);
        routes.get("/overview/live", this::live, mark);
        routes.get("/migrations", ctx -> page(ctx, v -> migrations.page(v, filter(ctx), Pages.asked(param(ctx, "page")))), mark);
        routes.get("/migrations/{correlationId}", ctx -> page(ctx, CSP_WITH_RENDERED_BLOCKS, v -> migration.find(v, ctx.pathParam("correlationId"))
                .map(s -> migration.page(v, s)).orElseThrow(() -> new AdminException.NotFound("There is no such migration."))), mark);
        routes.get("/changes", ctx -> page(ctx, v -> changes.page(v, param(ctx, "user"), Pages.asked(param(ctx, "page")))), mark);
        routes.get("/settings", ctx -> page(ctx, v -> v.isAdmin() ? settings.page(v, Optional.empty())
                : ErrorPage.page(v, "The settings are shown to Admin tokens only.")), mark);
        for (Action action : actions) {
            routes.post(action.path(), ctx -> act(ctx, action), mark);
        }
    }

    private void page(Context ctx, java.util.function.Function<Visitor, Markup> render) {
        page(ctx, CSP, render);
    }

    private void page(Context ctx, String policy, java.util.function.Function<Visitor, Markup> render) {
        Optional<Visitor> visitor = visitor(ctx);
        if (visitor.isEmpty()) {
            secure(ctx);
            ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        try {
            send(ctx, 200, render.apply(visitor.get()), policy);
        } catch (AdminException e) {
            send(ctx, e instanceof AdminException.NotFound ? 404 : 400, ErrorPage.page(visitor.get(), e.getMessage()));
        }
    }

    private void live(Context ctx) {
        Optional<Visitor> visitor = visitor(ctx);
        if (visitor.isEmpty()) {
            send(ctx, 401, Markup.text("Signed out."));
            return;
        }
        send(ctx, 200, overview.live(visitor.get()));
    }

    private void act(Context ctx, Action action) {
        Optional<Visitor> visitor = visitor(ctx);
        if (visitor.isEmpty() || !visitor.get().session().allows(ctx.formParam(CSRF_FIELD))) {
            audit(ctx, visitor.map(Visitor::caller), 403);
            send(ctx, 403, visitor.map(v -> ErrorPage.page(v, "This form has expired or did not come from this dashboard; nothing was done."))
                    .orElseGet(() -> SignInPage.page(Optional.of("Sign in first; nothing was done."))));
            return;
        }
        Visitor v = visitor.get();
        Action.Done done;
        if (!v.caller().role().grants(action.needs())) {
            done = new Action.Shown(403, ErrorPage.page(v, "A " + v.caller().role().display() + " token cannot do this; it needs "
                    + action.needs().display() + "."));
        } else {
            try {
                done = action.run(ctx, v);
            } catch (AdminException e) {
                done = new Action.Shown(e instanceof AdminException.NotFound ? 404 : e instanceof AdminException.Conflict ? 409 : 400,
                        ErrorPage.page(v, e.getMessage()));
            }
        }
        switch (done) {
            case Action.Redirect r -> {
                secure(ctx);
                ctx.redirect(r.location(), io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case Action.Shown s -> send(ctx, s.status(), s.page());
        }
        audit(ctx, Optional.of(v.caller()), ctx.statusCode());
    }

    /** The sign-in form; someone signed in already goes on to the overview. */
    private void signInPage(Context ctx) {
        if (visitor(ctx).isPresent()) {
            secure(ctx);
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        send(ctx, 200, SignInPage.page(Optional.empty()));
    }

    private void signIn(Context ctx, SignInThrottle throttle) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            send(ctx, 403, SignInPage.page(Optional.of("Sign in from this dashboard's own page.")));
            return;
        }
        if (throttle.heldBack(ctx.ip())) {
            send(ctx, 429, SignInPage.page(Optional.of("Too many refused tokens from this address; wait a minute.")));
            return;
        }
        String token = Optional.ofNullable(ctx.formParam("token")).map(String::strip).orElse("");
        Authentication result = token.isEmpty() || token.length() > MAX_TOKEN ? Authentication.Refused.unknown() : access.authenticate(token);
        switch (result) {
            case Authentication.Granted g when g.caller().tenant().isPresent() -> {
                // A fresh session id on every sign-in (none carried over from before), and the old one ends.
                sessions.close(ctx.cookie(COOKIE));
                Sessions.Session session = sessions.open(token);
                ctx.header("Set-Cookie", cookie(ctx, session.id(), Sessions.LIFETIME.toSeconds()));
                audit(ctx, Optional.of(g.caller()), 303);
                secure(ctx);
                ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case Authentication.Granted g -> send(ctx, 403, SignInPage.page(Optional.of(
                    "This token belongs to no tenant (the service operator's or the metrics token); sign in with a token of a tenant.")));
            case Authentication.Refused r -> {
                throttle.failed(ctx.ip());
                access.record(new AuditEvent(clock.instant(), r.tenant(), r.tokenName(), "POST /sign-in", "", 401, ctx.ip()));
                send(ctx, 401, SignInPage.page(Optional.of("That token is not valid: unknown, revoked or expired.")));
            }
        }
    }

    private void signOut(Context ctx) {
        Optional<Visitor> visitor = visitor(ctx);
        if (visitor.isPresent() && !visitor.get().session().allows(ctx.formParam(CSRF_FIELD))) {
            send(ctx, 403, ErrorPage.page(visitor.get(), "This form did not come from this dashboard; you are still signed in."));
            return;
        }
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        secure(ctx);
        ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The signed-in visitor: a live session whose token still holds (a revoked or expired token ends the session). */
    private Optional<Visitor> visitor(Context ctx) {
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (access.authenticate(session.get().bearerToken()) instanceof Authentication.Granted g && g.caller().tenant().isPresent()) {
            return Optional.of(new Visitor(g.caller(), session.get()));
        }
        sessions.close(session.get().id());
        return Optional.empty();
    }

    private static String cookie(Context ctx, String value, long maxAge) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (tls(ctx) ? "; Secure" : "");
    }

    private static boolean tls(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    private void audit(Context ctx, Optional<Caller> caller, int status) {
        access.record(new AuditEvent(clock.instant(), caller.flatMap(Caller::tenant), caller.map(Caller::tokenName),
                "POST " + ctx.endpoints().matchedHttpEndpoint().path, String.join(", ", ctx.pathParamMap().values()), status, ctx.ip()));
    }

    private static void send(Context ctx, int status, Markup page) {
        send(ctx, status, page, CSP);
    }

    private static void send(Context ctx, int status, Markup page, String policy) {
        secure(ctx, policy);
        ctx.status(status).contentType("text/html; charset=utf-8").result(page.html());
    }

    private static void secure(Context ctx) {
        secure(ctx, CSP);
    }

    /** The headers every dashboard answer carries: no inline script, no framing, no sniffing, nothing cached. */
    private static void secure(Context ctx, String policy) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private static void asset(Context ctx, byte[] bytes, String type) {
        secure(ctx);
        ctx.header("Cache-Control", "max-age=300");
        ctx.contentType(type).result(bytes);
    }

    private static MigrationsPage.Filter filter(Context ctx) {
        int hours;
        try {
            hours = Integer.parseInt(Optional.ofNullable(ctx.queryParam("hours")).orElse("0"));
        } catch (NumberFormatException e) {
            hours = 0;
        }
        return new MigrationsPage.Filter(param(ctx, "state"), hours, param(ctx, "user"), param(ctx, "type"), param(ctx, "q"));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 320);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
