package org.mms.api;

import io.javalin.security.RouteRole;

/**
 * Routes marked {@link #PUBLIC} answer without a token; every other route needs one. Marking the
 * exceptions rather than the rule means a route someone forgets to mark is protected, not open.
 */
enum Access implements RouteRole {
    PUBLIC
}
