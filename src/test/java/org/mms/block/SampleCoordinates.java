package org.mms.block;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Coordinates the block tests render: one Teams and one Skype for Business organizer, with and without dial-in. */
final class SampleCoordinates {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String ORGANIZER = "66666666-7777-8888-9999-000000000000";
    static final String THREAD = "19_meeting_ZmFrZS1tZWV0aW5nLWZvci1ibG9jay10ZXN0cw@thread.v2";

    private SampleCoordinates() {
    }

    static Coordinates teams(Locale locale, boolean dialIn) {
        String tag = locale.toLanguageTag();
        return new Coordinates(
                MeetingType.TEAMS,
                URI.create("https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmFrZS1tZWV0aW5nLWZvci1ibG9jay10ZXN0cw"
                        + "%40thread.v2/0?context=%7b%22Tid%22%3a%22" + TENANT + "%22%2c%22Oid%22%3a%22" + ORGANIZER + "%22%7d"),
                Optional.of("355132640047"),
                Optional.of("xgUo7v"),
                dialIn ? Optional.of("123456789") : Optional.empty(),
                dialIn ? teamsNumbers(locale) : List.of(),
                dialIn ? Optional.of(URI.create("https://dialin.teams.microsoft.com/" + TENANT + "?id=123456789")) : Optional.empty(),
                dialIn ? Optional.of(URI.create("https://dialin.teams.microsoft.com/usp/pstnconferencing")) : Optional.empty(),
                Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")),
                Optional.of(URI.create("https://teams.microsoft.com/meetingOptions/?organizerId=" + ORGANIZER
                        + "&tenantId=" + TENANT + "&threadId=" + THREAD + "&messageId=0&language=" + tag)),
                locale);
    }

    static Coordinates skype(Locale locale, boolean dialIn) {
        boolean swedish = locale.getLanguage().equals("sv");
        return new Coordinates(
                MeetingType.SKYPE,
                URI.create(swedish ? "https://meet.example.se/anna.berg/6N2YGD5G" : "https://meet.example.com/alice/6N2YGD5G"),
                Optional.empty(),
                Optional.empty(),
                dialIn ? Optional.of("79261") : Optional.empty(),
                dialIn ? skypeNumbers(locale) : List.of(),
                dialIn ? Optional.of(URI.create("https://dialin.example.com/?lang=" + locale.toLanguageTag())) : Optional.empty(),
                dialIn ? Optional.of(URI.create("https://dialin.example.com/pin")) : Optional.empty(),
                Optional.of(URI.create("https://o15.officeredir.microsoft.com/r/rlidLync15?clid="
                        + WindowsLcid.of(locale) + "&p1=5&p2=2009")),
                Optional.empty(),
                locale);
    }

    private static List<DialInNumber> teamsNumbers(Locale locale) {
        if (locale.getLanguage().equals("de")) {
            return List.of(
                    new DialInNumber("+4969120040100", DialInNumber.Kind.TOLL, "+49 69 120040100", Optional.of("Deutschland, Frankfurt")),
                    new DialInNumber("+498001234567", DialInNumber.Kind.TOLL_FREE, "+49 800 1234567", Optional.of("Deutschland")));
        }
        return List.of(
                new DialInNumber("+14255550100", DialInNumber.Kind.TOLL, "+1 425-555-0100", Optional.of("United States, Redmond")),
                new DialInNumber("+18665550199", DialInNumber.Kind.TOLL_FREE, "+1 866-555-0199", Optional.of("United States")));
    }

    private static List<DialInNumber> skypeNumbers(Locale locale) {
        return switch (locale.getLanguage()) {
            case "de" -> List.of(
                    new DialInNumber("+4969120040100", DialInNumber.Kind.TOLL, "+49 (69) 120040100", Optional.of("Frankfurt")),
                    new DialInNumber("+498001234567", DialInNumber.Kind.TOLL_FREE, "+49 (800) 1234567", Optional.empty()));
            case "sv" -> List.of(
                    new DialInNumber("+4619123456", DialInNumber.Kind.TOLL, "+46 19 12 34 56", Optional.of("Örebro")));
            default -> List.of(
                    new DialInNumber("+14255550100", DialInNumber.Kind.TOLL, "+1 (425) 555-0100", Optional.of("Redmond")),
                    new DialInNumber("+18665550199", DialInNumber.Kind.TOLL_FREE, "+1 (866) 555-0199", Optional.of("United States")));
        };
    }
}
