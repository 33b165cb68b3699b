package org.mms.queue;

import org.mms.block.MeetingType;
import org.mms.migration.MigrationType;

/**
 * The migration type of two changes coalesced into one request: the broader of the two. Each type says,
 * per meeting type, to leave meetings alone, refresh them as they are, or convert them to Teams; the
 * merge takes the stronger action per meeting type (alone &lt; refresh &lt; convert), so one run does
 * everything either change asked for. The result is commutative, associative and idempotent, so the
 * order and number of changes in a burst do not matter.
 *
 * <pre>
 *                 SfbToSfb      SfbToTeams    TeamsToTeams  ToSameType    AllToTeams
 * SfbToSfb        SfbToSfb      SfbToTeams    ToSameType    ToSameType    AllToTeams
 * SfbToTeams      SfbToTeams    SfbToTeams    AllToTeams    AllToTeams    AllToTeams
 * TeamsToTeams    ToSameType    AllToTeams    TeamsToTeams  ToSameType    AllToTeams
 * ToSameType      ToSameType    AllToTeams    ToSameType    ToSameType    AllToTeams
 * AllToTeams      AllToTeams    AllToTeams    AllToTeams    AllToTeams    AllToTeams
 * </pre>
 *
 * For Teams meetings, refreshing and converting to Teams are the same thing. An {@code Undo} waiting when a
 * change arrives gives way to it (the change's type wins): the meetings are migrated to the settings as they are
 * now rather than put back to what they were.
 */
public final class MergeMigrationTypes {

    private MergeMigrationTypes() {
    }

    /** What a type does to one kind of meeting, weakest first. */
    private enum Action { LEAVE_ALONE, REFRESH, CONVERT_TO_TEAMS }

    public static MigrationType merge(MigrationType a, MigrationType b) {
        if (a == MigrationType.UNDO) {
            return b;
        }
        if (b == MigrationType.UNDO) {
            return a;
        }
        Action skype = stronger(action(a, MeetingType.SKYPE), action(b, MeetingType.SKYPE));
        Action teams = stronger(action(a, MeetingType.TEAMS), action(b, MeetingType.TEAMS));
        return typeFor(skype, teams);
    }

    private static Action action(MigrationType type, MeetingType meetings) {
        if (!type.sources().contains(meetings)) {
            return Action.LEAVE_ALONE;
        }
        boolean becomesTeams = type.target().filter(t -> t == MeetingType.TEAMS).isPresent();
        return becomesTeams && meetings != MeetingType.TEAMS ? Action.CONVERT_TO_TEAMS : Action.REFRESH;
    }

    private static Action stronger(Action a, Action b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static MigrationType typeFor(Action skype, Action teams) {
        boolean touchesTeams = teams != Action.LEAVE_ALONE;
        return switch (skype) {
            case LEAVE_ALONE -> {
                if (!touchesTeams) {
                    // Every type touches some meetings, so a merge of two types always does too.
                    throw new IllegalStateException("no migration type leaves every meeting alone");
                }
                yield MigrationType.TEAMS_TO_TEAMS;
            }
            case REFRESH -> touchesTeams ? MigrationType.TO_SAME_TYPE : MigrationType.SFB_TO_SFB;
            case CONVERT_TO_TEAMS -> touchesTeams ? MigrationType.ALL_TO_TEAMS : MigrationType.SFB_TO_TEAMS;
        };
    }
}
