package org.mms.calendar.graph;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where Exchange keeps the scheduling add-in's {@code X-MICROSOFT-*} properties: the MAPI named property behind each,
 * as Graph names it in {@code singleValueExtendedProperties} ({@code "String {property set} Name <name>"}).
 *
 * <p>Sources. The names in PS_PUBLIC_STRINGS are those Exchange's own schema declares for the Skype for Business
 * add-in (OnlineMeetingExternalLink, OnlineMeetingInternalLink, OnlineMeetingConfLink, ConferenceTelURI; a decompiled
 * {@code InternalSchema} in public repositories) and those Microsoft's TeamsAdminSamples script
 * {@code ExchOnPremMeetingMigration.ps1} reads and writes through EWS for both add-ins (the same four, plus
 * OnlineMeetingConferenceId, OnlineMeetingTollNumber, SkypeTeamsMeetingUrl, SkypeTeamsProperties,
 * SchedulingServiceUpdateUrl, SchedulingServiceMeetingOptionsUrl). That each name is the one behind the iCalendar
 * property of the same name (OnlineMeetingExternalLink behind X-MICROSOFT-ONLINEMEETINGEXTERNALLINK) is read from the
 * names; no document states it.
 *
 * <p>X-MICROSOFT-ONLINEMEETINGINFORMATION has no named property any source shows: its JSON ({@code OnlineMeetingProvider},
 * {@code OnlineMeetingChannelId}) looks written by Exchange from the event's own online-meeting fields. It is kept
 * where Exchange keeps an iCalendar property it does not know, under its own name in PS_INTERNET_HEADERS, which a live
 * run has to confirm.
 *
 * @param icalName the iCalendar property, upper case
 * @param graphId  the extended property's id in Graph's form
 */
record AddInProperties(String icalName, String graphId) {

    static final String PUBLIC_STRINGS = "{00020329-0000-0000-C000-000000000046}";
    static final String INTERNET_HEADERS = "{00020386-0000-0000-C000-000000000046}";

    static final List<AddInProperties> ALL = List.of(
            publicString("X-MICROSOFT-SKYPETEAMSMEETINGURL", "SkypeTeamsMeetingUrl"),
            publicString("X-MICROSOFT-SKYPETEAMSPROPERTIES", "SkypeTeamsProperties"),
            publicString("X-MICROSOFT-SCHEDULINGSERVICEUPDATEURL", "SchedulingServiceUpdateUrl"),
            publicString("X-MICROSOFT-SCHEDULINGSERVICEMEETINGOPTIONSURL", "SchedulingServiceMeetingOptionsUrl"),
            publicString("X-MICROSOFT-ONLINEMEETINGEXTERNALLINK", "OnlineMeetingExternalLink"),
            publicString("X-MICROSOFT-ONLINEMEETINGINTERNALLINK", "OnlineMeetingInternalLink"),
            publicString("X-MICROSOFT-ONLINEMEETINGCONFLINK", "OnlineMeetingConfLink"),
            publicString("X-MICROSOFT-CONFERENCETELURI", "ConferenceTelURI"),
            publicString("X-MICROSOFT-ONLINEMEETINGCONFERENCEID", "OnlineMeetingConferenceId"),
            publicString("X-MICROSOFT-ONLINEMEETINGTOLLNUMBER", "OnlineMeetingTollNumber"),
            new AddInProperties("X-MICROSOFT-ONLINEMEETINGINFORMATION",
                    "String " + INTERNET_HEADERS + " Name X-MICROSOFT-ONLINEMEETINGINFORMATION"));

    private static AddInProperties publicString(String icalName, String mapiName) {
        return new AddInProperties(icalName, "String " + PUBLIC_STRINGS + " Name " + mapiName);
    }

    /** The entry for an iCalendar property name, if the add-in writes it. */
    static Optional<AddInProperties> forIcal(String upperName) {
        return ALL.stream().filter(p -> p.icalName.equals(upperName)).findFirst();
    }

    /**
     * The entry for an id as Graph gives it back. Graph may write the property set's GUID in another case than it
     * was asked in, so ids are compared without regard to case.
     */
    static Optional<AddInProperties> forGraphId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.graphId.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The {@code $filter} that asks for these properties only: Graph gives extended properties only when asked by id. */
    static String expandFilter(List<String> moreIds) {
        String ids = java.util.stream.Stream.concat(ALL.stream().map(AddInProperties::graphId), moreIds.stream())
                .map(id -> "id eq '" + id + "'")
                .collect(Collectors.joining(" or "));
        return "singleValueExtendedProperties($filter=" + ids + ")";
    }
}
