package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import org.mms.admin.AdminException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's one error mapper: every failure, whoever raised it, leaves as an RFC 9457 problem document
 * ({@code application/problem+json}: type, title, status, detail). Admin refusals keep their message,
 * because it is written for the admin; anything unexpected becomes a 500 whose detail is only a
 * reference to the server log, so no internals leak.
 */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String WRITTEN = Problems.class.getName() + ".written";

    /** The RFC 9457 members we use; {@code about:blank} because the status says all a client can act on. */
    record Problem(String type, String title, int status, String detail) {
        static Problem of(int status, String detail) {
            return new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail);
        }
    }

    private final JsonMapper json;

    private Problems(JsonMapper json) {
        this.json = json;
    }

    static void register(RoutesConfig routes, JsonMapper json) {
        Problems problems = new Problems(json);
        routes.exception(Exception.class, problems::handle);
        // Javalin answers unmatched paths and methods itself, without an exception; give those the same shape.
        for (int status : new int[] {404, 405, 500}) {
            routes.error(status, problems::fallback);
        }
    }

    private void handle(Exception e, Context ctx) {
        Problem problem = switch (e) {
            case AdminException.NotFound n -> Problem.of(404, n.getMessage());
            case AdminException.BadRequest b -> Problem.of(400, b.getMessage());
            case AdminException.Conflict c -> Problem.of(409, c.getMessage());
            case InvalidRequest i -> Problem.of(400, i.getMessage());
            case Unauthenticated u -> {
                ctx.header("WWW-Authenticate", u.challenge());
                yield Problem.of(401, u.getMessage());
            }
            case Forbidden f -> Problem.of(403, f.getMessage());
            case TooManyFailures t -> {
                ctx.header("Retry-After", String.valueOf(t.retryAfterSeconds()));
                yield Problem.of(429, t.getMessage());
            }
            // Javalin's own refusals (body too large, bad content) carry a status and a message meant for clients.
            case HttpResponseException h when h.getStatus() < 500 -> Problem.of(h.getStatus(), h.getMessage());
            default -> unexpected(e, ctx);
        };
        write(ctx, problem);
    }

    private void fallback(Context ctx) {
        if (ctx.attribute(WRITTEN) != null) {
            return;
        }
        int status = ctx.statusCode();
        String detail = switch (status) {
            case 404 -> "there is no " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path()
                    + (ctx.res().getHeader("Allow") == null ? "" : "; allowed: " + ctx.res().getHeader("Allow"));
            default -> "the server could not complete the request";
        };
        write(ctx, Problem.of(status, detail));
    }

    private static Problem unexpected(Exception e, Context ctx) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
        return Problem.of(500, "the server could not complete the request (reference " + reference + " in its log)");
    }

    private void write(Context ctx, Problem problem) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(json.writeValueAsString(problem));
    }
}
