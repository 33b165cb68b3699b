package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.AdminException;
import org.mms.admin.Requests;
import org.mms.admin.Views;

/**
 * Users and the directory operations on one user: the changes that may trigger a migration (moves,
 * audio conferencing, licence, SIP address, TeamsUpgradePolicy). Each answers with the trigger
 * decisions it led to; with {@code ?whatIf=true}, what it would lead to and change nothing.
 */
final class UserRoutes {

    private static final String USER = ApiServer.V1 + "/users/{identity}";

    private final Admin admin;
    private final JsonBody body;

    UserRoutes(Admin admin, JsonBody body) {
        this.admin = admin;
        this.body = body;
    }

    void addTo(RoutesConfig routes) {
        routes.get(ApiServer.V1 + "/users", this::users);
        routes.get(USER, this::user);
        routes.patch(USER, this::setUser);
        routes.post(USER + "/move", this::move);
        routes.patch(USER + "/dial-in-conferencing", this::setDialInConferencing);
        routes.post(USER + "/dial-in-conferencing/enable", this::enableDialInConferencing);
        routes.post(USER + "/dial-in-conferencing/disable", this::disableDialInConferencing);
        routes.put(USER + "/audio-conferencing-license", this::setLicence);
        routes.put(USER + "/teams-upgrade-policy", this::grantTeamsUpgradePolicy);
    }

    /** {@code Get-CsOnlineUser}. */
    private void users(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.users(BearerAuthentication.tenant(ctx), Optional.empty()));
    }

    /** {@code Get-CsOnlineUser -Identity}. */
    private void user(Context ctx) {
        Query.of(ctx);
        String identity = ctx.pathParam("identity");
        List<Views.User> found = admin.users(BearerAuthentication.tenant(ctx), Optional.of(identity));
        ctx.json(found.stream().findFirst().orElseThrow(() -> new AdminException.NotFound("no user '" + identity + "'")));
    }

    /** {@code Set-CsUser -SipAddress}. */
    private void setUser(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.UserPatch p = body.read(ctx, Bodies.UserPatch.class);
        ctx.json(admin.setSipAddress(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"),
                JsonBody.required(p.SipAddress(), "SipAddress")));
    }

    /** {@code Move-CsUser -Target}. */
    private void move(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.Move p = body.read(ctx, Bodies.Move.class);
        Requests.MoveTarget target = Requests.MoveTarget.parse(JsonBody.required(p.Target(), "Target"));
        ctx.json(admin.moveUser(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), target));
    }

    /** {@code Set-CsOnlineDialInConferencingUser}. */
    private void setDialInConferencing(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.DialInUserPatch p = body.read(ctx, Bodies.DialInUserPatch.class);
        Requests.DialInUserChange change = new Requests.DialInUserChange(p.BridgeName(), p.ServiceNumber(),
                p.TollFreeServiceNumber(), p.ConferenceId(), p.ResetConferenceId().orElse(false));
        ctx.json(admin.setDialInConferencingUser(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), change));
    }

    /** {@code Enable-CsOnlineDialInConferencingUser [-ReplaceProvider]}. */
    private void enableDialInConferencing(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.EnableDialIn p = body.read(ctx, Bodies.EnableDialIn.class);
        ctx.json(admin.enableDialInConferencing(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"),
                p.ReplaceProvider().orElse(false)));
    }

    /** {@code Disable-CsOnlineDialInConferencingUser}. */
    private void disableDialInConferencing(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        ctx.json(admin.disableDialInConferencing(BearerAuthentication.tenant(ctx), ctx.pathParam("identity")));
    }

    /** {@code Set-CsAudioConferencingLicense -Assigned}. */
    private void setLicence(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.Licence p = body.read(ctx, Bodies.Licence.class);
        ctx.json(admin.setAudioConferencingLicence(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"),
                JsonBody.required(p.Assigned(), "Assigned")));
    }

    /** {@code Grant-CsTeamsUpgradePolicy -PolicyName}. */
    private void grantTeamsUpgradePolicy(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        Bodies.TeamsUpgradePolicy p = body.read(ctx, Bodies.TeamsUpgradePolicy.class);
        Requests.TeamsUpgrade upgrade = Requests.TeamsUpgrade.fromPolicyName(JsonBody.required(p.PolicyName(), "PolicyName"));
        ctx.json(admin.grantTeamsUpgradePolicy(BearerAuthentication.tenant(ctx), ctx.pathParam("identity"), upgrade));
    }
}
