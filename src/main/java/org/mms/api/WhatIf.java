package org.mms.api;

import io.javalin.http.Context;
import java.util.Locale;
import org.mms.admin.Admin;

/**
 * {@code ?whatIf=true} on the routes of the directory operations that can queue a migration: the cmdlets'
 * {@code -WhatIf}. Nothing changes; the answer says what would.
 */
final class WhatIf {

    static final String PARAMETER = "whatIf";
    private static final String PREVIEWED = WhatIf.class.getName() + ".previewed";

    private WhatIf() {
    }

    /** The admin facade the route acts through: the one that does, or, with {@code whatIf=true}, the one that previews. */
    static Admin admin(Context ctx, Admin admin) {
        return asked(ctx) ? admin.whatIf() : admin;
    }

    /** Whether the route is asked for a preview; the route takes no other query parameter. */
    static boolean asked(Context ctx) {
        boolean asked = Query.of(ctx, PARAMETER).text(PARAMETER).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequest(PARAMETER + " must be true or false, not '" + v + "'");
        }).orElse(false);
        ctx.attribute(PREVIEWED, asked);
        return asked;
    }

    /** Whether the call was a preview, so the audit log does not show it as a change that was made. */
    static boolean previewed(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(PREVIEWED));
    }
}
