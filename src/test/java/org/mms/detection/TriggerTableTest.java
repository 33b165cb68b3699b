package org.mms.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.detection.TriggerDecisionAssert.assertThatDecision;
import static org.mms.detection.Users.ALICE;
import static org.mms.detection.Users.BRIDGE;
import static org.mms.detection.Users.OTHER_BRIDGE;
import static org.mms.detection.Users.OTHER_TOLL;
import static org.mms.detection.Users.POOL;
import static org.mms.detection.Users.TOLL;
import static org.mms.detection.Users.TOLL_FREE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.AudioConferencing;
import org.mms.directory.DirectoryChange;
import org.mms.directory.Hosting;
import org.mms.directory.MailboxLocation;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.migration.MigrationType;

/**
 * DESIGN §3's trigger table as data: each line of {@code fixtures/detection/triggers.tsv} names a
 * change, the conditions it happens under and the decision expected, so the table can be read (and
 * extended) without reading Java.
 */
class TriggerTableTest {

    private static final String TABLE = "/fixtures/detection/triggers.tsv";

    /** A change to Alice with Alice before and after it, as the directory would report them. */
    private record Scenario(DirectoryChange change, User before, User after) {
    }

    private static AudioConferencing audio() {
        return Users.Audio.microsoft();
    }

    /** Every change the table may name. Users start online, reachable, with Microsoft dial-in and public meetings. */
    private static final Map<String, Supplier<Scenario>> CHANGES = Map.ofEntries(
            Map.entry("moved-to-online", () -> new Scenario(new DirectoryChange.MovedToOnline(ALICE, Optional.of(POOL)),
                    Users.anOnPremisesUser(), Users.anOnPremisesUser().withHosting(Hosting.ONLINE, Optional.empty()))),
            Map.entry("moved-to-online-as-teams-only", () -> new Scenario(new DirectoryChange.MovedToOnline(ALICE, Optional.of(POOL)),
                    Users.anOnPremisesUser(), Users.anOnlineTeamsUser())),
            Map.entry("moved-to-on-premises", () -> new Scenario(new DirectoryChange.MovedToOnPremises(ALICE, POOL),
                    Users.anOnlineSkypeUser(), Users.anOnPremisesUser())),
            Map.entry("licence-assigned", () -> new Scenario(new DirectoryChange.LicenceAssigned(ALICE),
                    Users.anOnlineSkypeUser().withAudio(audio().withLicence(false)), Users.anOnlineSkypeUser())),
            Map.entry("licence-assigned-to-acp-user-switched", () -> new Scenario(new DirectoryChange.LicenceAssigned(ALICE),
                    Users.aThirdPartyAcpUser(), Users.anOnlineSkypeUser())),
            Map.entry("licence-assigned-to-acp-user-kept", () -> new Scenario(new DirectoryChange.LicenceAssigned(ALICE),
                    Users.aThirdPartyAcpUser(), Users.aThirdPartyAcpUser().withAudio(Users.Audio.thirdParty().withLicence(true)))),
            Map.entry("licence-removed", () -> new Scenario(new DirectoryChange.LicenceRemoved(ALICE),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withAudio(audio().withLicence(false)))),
            Map.entry("licence-removed-without-audio", () -> new Scenario(new DirectoryChange.LicenceRemoved(ALICE),
                    Users.aUserWithoutAudioConferencing(), Users.aUserWithoutAudioConferencing())),
            Map.entry("audio-enabled", () -> new Scenario(new DirectoryChange.AudioConferencingEnabled(ALICE, false),
                    Users.anOnlineSkypeUser().withAudio(audio().withEnabled(false)), Users.anOnlineSkypeUser())),
            Map.entry("audio-disabled", () -> new Scenario(new DirectoryChange.AudioConferencingDisabled(ALICE),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withAudio(audio().withEnabled(false)))),
            Map.entry("conference-id-reset", () -> new Scenario(new DirectoryChange.ConferenceIdChanged(ALICE, true),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withAudio(audio().withConferenceId(Optional.of("5550123"))))),
            Map.entry("bridge-changed", () -> new Scenario(new DirectoryChange.BridgeChanged(ALICE, Optional.of(BRIDGE), OTHER_BRIDGE),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withAudio(
                            audio().withBridge(Optional.of(OTHER_BRIDGE), Optional.of(OTHER_TOLL), Optional.empty())))),
            Map.entry("default-toll-changed", () -> new Scenario(
                    new DirectoryChange.DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(OTHER_TOLL)),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withAudio(audio().withNumbers(Optional.of(OTHER_TOLL),
                            Optional.of(TOLL_FREE))))),
            Map.entry("default-toll-set-to-same", () -> new Scenario(
                    new DirectoryChange.DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(TOLL)),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser())),
            Map.entry("number-unassigned-shown", () -> new Scenario(new DirectoryChange.ServiceNumberUnassigned(ALICE, BRIDGE, TOLL),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withAudio(audio().withNumbers(Optional.of(OTHER_TOLL),
                            Optional.of(TOLL_FREE))))),
            Map.entry("number-unassigned-not-shown", () -> new Scenario(new DirectoryChange.ServiceNumberUnassigned(ALICE, BRIDGE,
                    OTHER_TOLL), Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser())),
            Map.entry("sip-changed", () -> new Scenario(new DirectoryChange.SipAddressChanged(ALICE, "alice@contoso.com",
                    "alice.smith@contoso.com"), Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser().withSipAddress("alice.smith@contoso.com"))),
            Map.entry("meeting-url-updated", () -> new Scenario(new DirectoryChange.MeetingUrlUpdated(ALICE),
                    Users.anOnlineSkypeUser(), Users.anOnlineSkypeUser())),
            Map.entry("granted-teams-only", () -> granted(TeamsUpgradeMode.TEAMS_ONLY, Users.anOnlineSkypeUser())),
            Map.entry("granted-sfb-with-teams-collab-and-meetings",
                    () -> granted(TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS, Users.anOnlineSkypeUser())),
            Map.entry("granted-islands-to-teams-only-user", () -> granted(TeamsUpgradeMode.ISLANDS, Users.anOnlineTeamsUser())),
            Map.entry("granted-sfb-only-to-teams-only-user", () -> granted(TeamsUpgradeMode.SFB_ONLY, Users.anOnlineTeamsUser())),
            Map.entry("manual-all-current", () -> manual(MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT)),
            Map.entry("manual-all-teams", () -> manual(MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.TEAMS)),
            Map.entry("manual-sfb-teams", () -> manual(MigrationType.SourceMeetingType.SFB, MigrationType.TargetMeetingType.TEAMS)),
            Map.entry("manual-teams-current", () -> manual(MigrationType.SourceMeetingType.TEAMS,
                    MigrationType.TargetMeetingType.CURRENT)));

    private static Scenario granted(TeamsUpgradeMode mode, User before) {
        User after = before.withUpgradeMode(mode).withMeetingType(mode.meetsInTeams() ? MeetingType.TEAMS : before.meetingType());
        return new Scenario(new DirectoryChange.TeamsUpgradeGranted(ALICE, mode), before, after);
    }

    private static Scenario manual(MigrationType.SourceMeetingType source, MigrationType.TargetMeetingType target) {
        return new Scenario(new DirectoryChange.ManualMigration(ALICE, source, target), Users.anOnlineSkypeUser(),
                Users.anOnlineSkypeUser());
    }

    /** Conditions on the user, applied before and after the change alike. */
    private static final Map<String, UnaryOperator<User>> USER_CONDITIONS = Map.of(
            "mailbox-on-premises", u -> u.withMailbox(MailboxLocation.ON_PREMISES),
            "private-meetings", u -> u.withAudio(Users.Audio.privateMeetings(u.audio())),
            "homed-on-premises", u -> u.withHosting(Hosting.ON_PREMISES, Optional.of(POOL)));

    /** The switches of the tenant, each turned away from its default. */
    private static final Set<String> SETTING_CONDITIONS = Set.of("mms-off", "auto-migrate-off", "replace-acp-on", "sip-opt-in",
            "url-opt-in");

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = TriggerTableTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertThat(cells).as("line %d of %s: change, conditions, decision, reason", number, TABLE).hasSize(4);
                rows.add(Arguments.of(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @MethodSource("rows")
    void each_row_of_the_trigger_table_decides_as_written(String changeName, String conditions, String expected, String reason) {
        Supplier<Scenario> scenario = CHANGES.get(changeName);
        assertThat(scenario).as("unknown change '%s'; known: %s", changeName, new TreeSet<>(CHANGES.keySet())).isNotNull();
        Set<String> flags = conditions.equals("-") ? Set.of()
                : Arrays.stream(conditions.split(",")).map(String::strip).collect(Collectors.toSet());

        UnaryOperator<User> onUser = UnaryOperator.identity();
        Settings settings = Settings.tenant();
        for (String flag : flags) {
            if (USER_CONDITIONS.containsKey(flag)) {
                UnaryOperator<User> previous = onUser;
                onUser = u -> USER_CONDITIONS.get(flag).apply(previous.apply(u));
            } else {
                assertThat(SETTING_CONDITIONS).as("unknown condition '%s'", flag).contains(flag);
                switch (flag) {
                    case "mms-off" -> settings.meetingMigrationEnabled(false);
                    case "auto-migrate-off" -> settings.automaticallyMigrateUserMeetings(false);
                    case "replace-acp-on" -> settings.automaticallyReplaceAcpProvider(true);
                    case "sip-opt-in" -> settings.migrateOnSipAddressChange(true);
                    case "url-opt-in" -> settings.migrateOnMeetingUrlChange(true);
                    default -> throw new AssertionError(flag);
                }
            }
        }
        Scenario s = scenario.get();
        TenantSettings tenant = settings.build();

        TriggerDecision decision = new DecideTrigger().decide(s.change(), onUser.apply(s.before()), onUser.apply(s.after()), tenant);

        String[] words = expected.split("\\s+");
        switch (words[0]) {
            case "Queue" -> assertThatDecision(decision).queues(MigrationType.byDisplayName(words[1]).orElseThrow());
            case "NoMigration" -> assertThatDecision(decision).doesNotMigrate();
            case "NotSupported" -> assertThatDecision(decision).isNotSupported();
            default -> throw new AssertionError("unknown decision '" + expected + "'");
        }
        assertThatDecision(decision).because(reason);
    }

    @Test
    void the_table_covers_every_kind_of_change_every_kind_of_decision_and_every_migration_type() throws IOException {
        Set<Class<?>> changes = new HashSet<>();
        Set<String> decisions = new TreeSet<>();
        Set<MigrationType> queued = EnumSet.noneOf(MigrationType.class);
        rows().forEach(row -> {
            changes.add(CHANGES.get((String) row.get()[0]).get().change().getClass());
            String[] decision = ((String) row.get()[2]).split("\\s+");
            decisions.add(decision[0]);
            if (decision[0].equals("Queue")) {
                queued.add(MigrationType.byDisplayName(decision[1]).orElseThrow());
            }
        });

        assertThat(changes).containsExactlyInAnyOrder(DirectoryChange.class.getPermittedSubclasses());
        assertThat(decisions).containsExactly("NoMigration", "NotSupported", "Queue");
        // An undo is queued by Undo-CsMeetingMigration, never by a change to the directory.
        assertThat(queued).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(MigrationType.UNDO)));
    }
}
