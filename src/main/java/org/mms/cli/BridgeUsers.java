package org.mms.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code -BridgeName}: every user whose dial-in bridge it is, as {@code Get-CsOnlineUser} shows them. */
final class BridgeUsers {

    private BridgeUsers() {
    }

    /** The users on {@code bridge} (its name in any case); a bridge the tenant does not have is an error, not an empty run. */
    static List<IdentityFile.Row> of(MmsClient server, String bridge) {
        List<IdentityFile.Row> users = new ArrayList<>();
        for (JsonNode user : server.get(MmsClient.path("users"), Map.of())) {
            if (user.path("BridgeName").asString("").equalsIgnoreCase(bridge)) {
                users.add(new IdentityFile.Row.User(user.path("UserPrincipalName").asString()));
            }
        }
        if (users.isEmpty() && !exists(server, bridge)) {
            throw new CmdletFailure("no bridge '" + bridge + "'; Get-CsOnlineDialInConferencingBridge lists the bridges");
        }
        return users;
    }

    private static boolean exists(MmsClient server, String bridge) {
        for (JsonNode known : server.get(MmsClient.path("bridges"), Map.of())) {
            if (known.path("Name").asString("").equalsIgnoreCase(bridge)) {
                return true;
            }
        }
        return false;
    }
}
