package org.mms.dashboard;

import org.mms.access.Caller;
import org.mms.access.Role;
import org.mms.directory.TenantId;

/** Who is looking at a page: the signed-in token's caller and the session that carries it. */
record Visitor(Caller caller, Sessions.Session session) {

    TenantId tenant() {
        return caller.tenant().orElseThrow();
    }

    /** Operators and admins act (migrate again); readers only see. */
    boolean mayAct() {
        return caller.role().grants(Role.OPERATOR);
    }

    boolean isAdmin() {
        return caller.role().grants(Role.ADMIN);
    }
}
