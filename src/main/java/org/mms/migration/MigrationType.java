package org.mms.migration;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.mms.block.MeetingType;

/**
 * What a migration does to an organizer's meetings, named as {@code Get-CsMeetingMigrationStatus}
 * shows them: which meetings it touches and what type they become.
 */
public enum MigrationType {
    /** Skype for Business meetings stay Skype meetings, with new coordinates. */
    SFB_TO_SFB("SfbToSfb", EnumSet.of(MeetingType.SKYPE), Optional.empty()),
    /** Skype for Business meetings become Teams meetings. */
    SFB_TO_TEAMS("SfbToTeams", EnumSet.of(MeetingType.SKYPE), Optional.of(MeetingType.TEAMS)),
    /** Teams meetings get new coordinates. */
    TEAMS_TO_TEAMS("TeamsToTeams", EnumSet.of(MeetingType.TEAMS), Optional.of(MeetingType.TEAMS)),
    /** Every meeting keeps its type and gets new coordinates. */
    TO_SAME_TYPE("ToSameType", EnumSet.allOf(MeetingType.class), Optional.empty()),
    /** Every meeting becomes a Teams meeting. */
    ALL_TO_TEAMS("AllToTeams", EnumSet.allOf(MeetingType.class), Optional.of(MeetingType.TEAMS)),
    /**
     * Puts back what earlier migrations wrote ({@code Undo-CsMeetingMigration}). It selects no meetings by type, so a
     * change merged into a waiting undo replaces it (see {@code MergeMigrationTypes}): the meetings are migrated to the
     * settings as they are now instead.
     */
    UNDO("Undo", EnumSet.noneOf(MeetingType.class), Optional.empty());

    private final String displayName;
    private final Set<MeetingType> sources;
    private final Optional<MeetingType> target;

    MigrationType(String displayName, Set<MeetingType> sources, Optional<MeetingType> target) {
        this.displayName = displayName;
        this.sources = sources;
        this.target = target;
    }

    /** The name the status output uses, e.g. {@code AllToTeams}. */
    public String displayName() {
        return displayName;
    }

    /** The meeting types it touches. */
    public Set<MeetingType> sources() {
        return EnumSet.copyOf(sources);
    }

    /** The type meetings become, or empty when each keeps its own. */
    public Optional<MeetingType> target() {
        return target;
    }

    /** {@code Start-CsExMeetingMigration}'s {@code -SourceMeetingType} and {@code -TargetMeetingType}. */
    public static MigrationType of(SourceMeetingType source, TargetMeetingType target) {
        return switch (source) {
            case ALL -> target == TargetMeetingType.TEAMS ? ALL_TO_TEAMS : TO_SAME_TYPE;
            case SFB -> target == TargetMeetingType.TEAMS ? SFB_TO_TEAMS : SFB_TO_SFB;
            case TEAMS -> TEAMS_TO_TEAMS;
        };
    }

    public static Optional<MigrationType> byDisplayName(String name) {
        for (MigrationType t : values()) {
            if (t.displayName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** {@code -SourceMeetingType}: which meetings a manual run touches. */
    public enum SourceMeetingType { ALL, SFB, TEAMS }

    /** {@code -TargetMeetingType}: keep each meeting's type, or make them all Teams meetings. */
    public enum TargetMeetingType { CURRENT, TEAMS }
}
