package org.mms.cli;

import java.util.Map;
import org.mms.admin.AdminException;
import org.mms.admin.Requests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The user cmdlets: reading users, and the directory changes that may migrate their meetings. Each
 * change prints the trigger decisions it led to: migration queued, or why not.
 */
final class UserCmdlets {

    private UserCmdlets() {
    }

    private static String user(String identity, String... more) {
        String[] segments = new String[more.length + 2];
        segments[0] = "users";
        segments[1] = identity;
        System.arraycopy(more, 0, segments, 2, more.length);
        return MmsClient.path(segments);
    }

    @Command(name = "Get-CsOnlineUser", description = "Shows users with their hosting, mailbox and audio conferencing.")
    static final class GetCsOnlineUser extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Override
        Answer call(MmsClient server) {
            String path = identity.optional().map(UserCmdlets::user).orElse(MmsClient.path("users"));
            return new Answer(server.get(path, Map.of()), PsFormat.list());
        }
    }

    @Command(name = "Move-CsUser", description = {"Moves a user online or to an on-premises pool.", "",
        "A move online makes the user TeamsOnly, as the online service does since Skype for Business Online was retired,",
        "and migrates their meetings to Teams when MeetingMigrationEnabled is on and their mailbox is reachable."})
    static final class MoveCsUser extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-Target", required = true, paramLabel = "<fqdn>",
                description = "sipfed.online.lync.com (or online) for the online service; otherwise the pool's FQDN.")
        String target;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("POST", whatIf.path(user(identity.required(), "move")), Map.of("Target", target)),
                    whatIf.format());
        }
    }

    @Command(name = "Set-CsOnlineDialInConferencingUser",
            description = {"Changes a user's bridge, default numbers or conference ID.", "", "Parameters not given stay as they are."})
    static final class SetCsOnlineDialInConferencingUser extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-BridgeName", paramLabel = "<name>", description = "Move the user to this bridge.")
        String bridgeName;

        @Option(names = "-ServiceNumber", paramLabel = "<number>", description = "Default toll number; must be on the bridge.")
        String serviceNumber;

        @Option(names = "-TollFreeServiceNumber", paramLabel = "<number>", description = "Default toll-free number; must be on the bridge.")
        String tollFreeServiceNumber;

        @Option(names = "-ConferenceId", paramLabel = "<id>", description = "Set this conference ID.")
        String conferenceId;

        @Option(names = "-ResetConferenceId", arity = "0..1", paramLabel = "<bool>", description = "Give the user a new conference ID.")
        boolean resetConferenceId;

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> change = given("BridgeName", bridgeName, "ServiceNumber", serviceNumber,
                    "TollFreeServiceNumber", tollFreeServiceNumber, "ConferenceId", conferenceId,
                    "ResetConferenceId", resetConferenceId ? Boolean.TRUE : null);
            return new Answer(server.send("PATCH", whatIf.path(user(identity.required(), "dial-in-conferencing")), change),
                    whatIf.format());
        }
    }

    @Command(name = "Enable-CsOnlineDialInConferencingUser", description = "Enables audio conferencing for a user.")
    static final class EnableCsOnlineDialInConferencingUser extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-ReplaceProvider", arity = "0..1", paramLabel = "<bool>", description = "Switch a user on a third-party provider to Microsoft.")
        boolean replaceProvider;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("POST", whatIf.path(user(identity.required(), "dial-in-conferencing", "enable")),
                    Map.of("ReplaceProvider", replaceProvider)), whatIf.format());
        }
    }

    @Command(name = "Disable-CsOnlineDialInConferencingUser", description = "Disables audio conferencing for a user.")
    static final class DisableCsOnlineDialInConferencingUser extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("POST", whatIf.path(user(identity.required(), "dial-in-conferencing", "disable")), Map.of()),
                    whatIf.format());
        }
    }

    @Command(name = "Set-CsAudioConferencingLicense", description = "Assigns or removes a user's audio-conferencing licence.")
    static final class SetCsAudioConferencingLicense extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-Assigned", required = true, arity = "1", paramLabel = "<bool>", description = "$true to assign, $false to remove.")
        Boolean assigned;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("PUT", whatIf.path(user(identity.required(), "audio-conferencing-license")),
                    Map.of("Assigned", assigned)),
                    whatIf.format());
        }
    }

    @Command(name = "Set-CsUser", description = "Changes a user's SIP address.")
    static final class SetCsUser extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-SipAddress", required = true, paramLabel = "<sip>", description = "The new SIP address, e.g. sip:alice@contoso.com.")
        String sipAddress;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("PATCH", whatIf.path(user(identity.required())), Map.of("SipAddress", sipAddress)),
                    whatIf.format());
        }
    }

    @Command(name = "Grant-CsTeamsUpgradePolicy", description = {"Grants a user a TeamsUpgradePolicy.", "",
        "UpgradeToTeams and SfBWithTeamsCollabAndMeetings make them schedule Teams meetings, and migrate their meetings."})
    static final class GrantCsTeamsUpgradePolicy extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-PolicyName", required = true, paramLabel = "<policy>",
                description = "UpgradeToTeams, SfBWithTeamsCollabAndMeetings, SfBWithTeamsCollab, SfBOnly or Islands.")
        String policyName;

        @Override
        Answer call(MmsClient server) {
            try {
                Requests.TeamsUpgrade.fromPolicyName(policyName);
            } catch (AdminException.BadRequest e) {
                throw usage(e.getMessage());
            }
            return new Answer(server.send("PUT", whatIf.path(user(identity.required(), "teams-upgrade-policy")),
                    Map.of("PolicyName", policyName)),
                    whatIf.format());
        }
    }
}
