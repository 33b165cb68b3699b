package org.mms.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mms.access.AccessControl;
import org.mms.access.AuditEvent;
import org.mms.access.Authentication;
import org.mms.access.Caller;
import org.mms.directory.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after every matched route and writes the audit log: every call that could change something
 * (any method but GET, HEAD and OPTIONS), whatever its outcome, and every refused authentication or
 * authorization. It records the token's name, the route, the target (the route's path parameters, or
 * what a route names with {@link #target(Context, String)}), the status, the time and the client
 * address; never a body, a header or a token. A 429 from {@link FailedLogins} is not recorded: the
 * failures that led to it are, and a flood of them must not become a flood of rows.
 */
final class AuditTrail implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final String TARGET = AuditTrail.class.getName() + ".target";
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final AccessControl access;
    private final Clock clock;

    AuditTrail(AccessControl access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** Names what a route acted on when its path does not (a token or tenant created from the body). */
    static void target(Context ctx, String target) {
        ctx.attribute(TARGET, target);
    }

    @Override
    public void handle(Context ctx) {
        // The dashboard writes its own audit lines: it knows the session's caller, which no bearer check set here.
        if (ctx.routeRoles().contains(Access.PUBLIC) || ctx.routeRoles().contains(Access.DASHBOARD)) {
            return;
        }
        int status = ctx.statusCode();
        boolean refused = status == 401 || status == 403;
        if (status == 429 || READS.contains(ctx.method()) && !refused) {
            return;
        }
        Optional<Caller> caller = BearerAuthentication.caller(ctx);
        Optional<Authentication.Refused> denied = BearerAuthentication.refused(ctx);
        Optional<TenantId> tenant = caller.isPresent() ? caller.get().tenant() : denied.flatMap(Authentication.Refused::tenant);
        Optional<String> name = caller.isPresent() ? caller.map(Caller::tokenName) : denied.flatMap(Authentication.Refused::tokenName);
        String named = ctx.attribute(TARGET);
        String target = named != null ? named : ctx.pathParamMap().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        try {
            access.record(new AuditEvent(clock.instant(), tenant, name.map(AuditTrail::printable),
                    ctx.method().name() + " " + BearerAuthentication.route(ctx) + (WhatIf.previewed(ctx) ? "?whatIf=true" : ""),
                    printable(target), status, printable(ctx.ip())));
        } catch (RuntimeException e) {
            // The answer has been decided; a lost audit line is logged loudly rather than turned into a failed call.
            LOG.error("could not write the audit log for {} {} ({}): {}", ctx.method(), BearerAuthentication.route(ctx), status, e.toString());
        }
    }

    /** Path parameters are the caller's text: stored as one printable line. */
    private static String printable(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
