package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.mms.admin.Admin;

/** Dial-in conferencing bridges and their service numbers. */
final class BridgeRoutes {

    private final Admin admin;
    private final JsonBody body;

    BridgeRoutes(Admin admin, JsonBody body) {
        this.admin = admin;
        this.body = body;
    }

    void addTo(RoutesConfig routes) {
        routes.get(ApiServer.V1 + "/bridges", this::bridges);
        routes.post(ApiServer.V1 + "/bridges/{name}/service-numbers/{number}/unregister", this::unregisterServiceNumber);
    }

    /** {@code Get-CsOnlineDialInConferencingBridge}. */
    private void bridges(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.bridges(BearerAuthentication.tenant(ctx)));
    }

    /** {@code Unregister-CsOnlineDialInConferencingServiceNumber -Identity <number> -BridgeName [-RemoveDefaultServiceNumber]}. */
    private void unregisterServiceNumber(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.UnregisterServiceNumber p = body.read(ctx, Bodies.UnregisterServiceNumber.class);
        ctx.json(admin.unregisterServiceNumber(BearerAuthentication.tenant(ctx), ctx.pathParam("number"), ctx.pathParam("name"),
                p.RemoveDefaultServiceNumber().orElse(false)));
    }
}
