package org.mms.block;

/** The conferencing service an online meeting belongs to; it decides the shape of the block. */
public enum MeetingType {
    /** Skype for Business (on-premises or online): 137-dot fences, {@code OutJoinLink} anchors. */
    SKYPE,
    /** Microsoft Teams: 80-underscore fences (consumer Teams and Outlook.com use Skype's 137 dots). */
    TEAMS
}
