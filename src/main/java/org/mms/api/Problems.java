package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
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
            case InvalidRequest i -> Problem.of(i.status(), i.getMessage());
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
            // Jetty's refusals of malformed HTTP met while a route runs; their text is Jetty's, so it stays out.
            case HttpException h when h.getCode() >= 400 && h.getCode() < 500 -> Problem.of(h.getCode(), WebServerErrors.detail(h.getCode(), null));
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
        // Bytes, not a String: Jetty would encode a String as ISO-8859-1, and JSON is UTF-8 (a detail may quote the input).
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(json.writeValueAsBytes(problem));
    }

    /**
     * The web server's own answers (a malformed URI or Host, a URI or headers too long, broken framing)
     * never reach a route: Jetty writes them itself, as HTML or plain text unless it is given this. They
     * get the same problem document, with a detail of ours; Jetty's reason is kept only when it is a
     * short plain phrase, so nothing internal can pass through it.
     */
    static final class WebServerErrors extends ErrorHandler {

        private static final java.util.regex.Pattern PLAIN_REASON = java.util.regex.Pattern.compile("[A-Za-z0-9 ,'-]{1,80}");

        private final JsonMapper json;

        WebServerErrors(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
                throws IOException {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
            response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
            return ByteBuffer.wrap(body(status, reason));
        }

        private byte[] body(int status, String reason) {
            return json.writeValueAsString(Problem.of(status, detail(status, reason))).getBytes(StandardCharsets.UTF_8);
        }

        static String detail(int status, String reason) {
            String why = reason != null && PLAIN_REASON.matcher(reason).matches() ? " (" + reason + ")" : "";
            return switch (status) {
                case 400 -> "the request is malformed" + why;
                case 404 -> "there is no such resource";
                case 405 -> "the method is not allowed here";
                case 408 -> "the request took too long to arrive";
                case 413 -> "the body is larger than the server takes";
                case 414 -> "the URI is longer than the server takes";
                case 415 -> "the body's media type is not one the server reads";
                case 431 -> "the request's headers are larger than the server takes";
                default -> status < 500 ? "the server refused the request" + why : "the server could not complete the request";
            };
        }
    }
}
