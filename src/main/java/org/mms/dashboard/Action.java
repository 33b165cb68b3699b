package org.mms.dashboard;

import io.javalin.http.Context;
import org.mms.access.Role;

/**
 * Something a signed-in user does from a page: one form (built with {@link Layout#postForm}) posting to
 * {@link #path()}, and this handler. {@link DashboardRoutes} checks the session, the CSRF token and the
 * role before {@link #run} is called, and writes the audit log after; an action adds only its own work.
 */
interface Action {

    /** The route the form posts to, in Javalin's syntax ({@code /migrations/{correlationId}/migrate-again}). */
    String path();

    /** The role it needs; a weaker token gets no button and a 403 when it posts anyway. */
    Role needs();

    Done run(Context ctx, Visitor visitor);

    /** What an action ends with: back to a page (post, redirect, get), or a page shown with a status. */
    sealed interface Done {
    }

    record Redirect(String location) implements Done {
    }

    record Shown(int status, Markup page) implements Done {
    }
}
