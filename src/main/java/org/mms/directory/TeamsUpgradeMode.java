package org.mms.directory;

/** A user's TeamsUpgradePolicy mode. Granting the last two migrates their meetings to Teams. */
public enum TeamsUpgradeMode {
    ISLANDS,
    SFB_ONLY,
    SFB_WITH_TEAMS_COLLAB,
    SFB_WITH_TEAMS_COLLAB_AND_MEETINGS,
    TEAMS_ONLY;

    /** The mode as {@code Grant-CsTeamsUpgradePolicy -PolicyName} and the directory import spell it. */
    public String policyName() {
        return switch (this) {
            case ISLANDS -> "Islands";
            case SFB_ONLY -> "SfBOnly";
            case SFB_WITH_TEAMS_COLLAB -> "SfBWithTeamsCollab";
            case SFB_WITH_TEAMS_COLLAB_AND_MEETINGS -> "SfBWithTeamsCollabAndMeetings";
            case TEAMS_ONLY -> "TeamsOnly";
        };
    }

    /** Whether a user in this mode schedules Teams meetings. */
    public boolean meetsInTeams() {
        return this == SFB_WITH_TEAMS_COLLAB_AND_MEETINGS || this == TEAMS_ONLY;
    }
}
