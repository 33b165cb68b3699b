package org.mms.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.block.CustomFooter;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.Directory.ConcurrentUpdateException;
import org.mms.directory.Directory.Versioned;
import org.mms.secret.Secret;

/**
 * What every {@link Directory} adapter must do. Each database gets a subclass that says how to open
 * the adapter, so the same tests run on H2 and PostgreSQL. The tests share one database per class and
 * keep apart by working in tenants (and users, bridges) of their own.
 */
public abstract class DirectoryContract {

    private static final URI ONLINE = URI.create("https://meet.lync.com/contoso");
    private static final URI ON_PREMISES = URI.create("https://meet.contoso.com");
    private static final String TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0";

    /** A directory on the database this test class shares. */
    protected abstract Directory open();

    private Directory directory;

    @BeforeEach
    void open_the_directory() {
        directory = open();
    }

    // ---- tenants ----

    @Test
    void a_tenant_reads_back_with_every_setting() {
        String contoso = uniqueDomain("contoso");
        Tenant tenant = new Tenant(newTenantId(), "Société Générale Ørsted 東京", List.of(contoso, "sub." + contoso),
                new TenantSettings(true, false, true, false, true, Duration.ofMillis(123_456), 17, 3, Duration.ofHours(5),
                        Duration.ofDays(30), ONLINE, ON_PREMISES, TEAMS, Optional.of(URI.create("https://dialin.contoso.com/local")),
                        Optional.of(URI.create("https://dialin.contoso.com/pin")), Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")), false,
                        Optional.of(new CustomFooter("Join from a video conferencing device: alice@video.contoso.com\nHelp desk: +1 425 555 0142",
                                "<p>Join from a <b>video conferencing device</b>: alice@video.contoso.com<br>"
                                        + "<a href=\"tel:+14255550142\">Help desk</a> – Société Générale</p>")),
                        new OutgoingPacing(OptionalInt.of(120), Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 30),
                                ZoneId.of("Europe/Berlin"))), Duration.ofMinutes(10_080))));

        directory.saveTenant(tenant);

        assertThat(directory.tenant(tenant.id())).contains(tenant);
    }

    @Test
    void each_tenant_switch_is_kept_on_its_own() {
        for (int on = 0; on < 6; on++) {
            Tenant tenant = new Tenant(newTenantId(), "Switch " + on, List.of(uniqueDomain("contoso")), switches(on));

            directory.saveTenant(tenant);

            assertThat(directory.tenant(tenant.id())).as("only switch %d on", on).contains(tenant);
        }
    }

    @Test
    void the_approval_settings_are_off_by_default_and_read_back_as_saved_for_their_tenant_only() {
        Tenant tenant = new Tenant(newTenantId(), "Approving", List.of(uniqueDomain("contoso")), TenantSettings.defaults("a", "a.example"));
        Tenant other = new Tenant(newTenantId(), "Other", List.of(uniqueDomain("fabrikam")), TenantSettings.defaults("b", "b.example"));
        directory.saveTenant(tenant);
        directory.saveTenant(other);

        assertThat(directory.approvalSettings(tenant.id())).isEqualTo(ApprovalSettings.NONE);
        directory.saveApprovalSettings(tenant.id(), new ApprovalSettings(true, Optional.of(0)));
        assertThat(directory.approvalSettings(tenant.id())).isEqualTo(new ApprovalSettings(true, Optional.of(0)));
        directory.saveTenant(tenant);
        assertThat(directory.approvalSettings(tenant.id())).as("kept when the tenant's other settings are saved")
                .isEqualTo(new ApprovalSettings(true, Optional.of(0)));
        directory.saveApprovalSettings(tenant.id(), new ApprovalSettings(false, Optional.of(250)));
        assertThat(directory.approvalSettings(tenant.id())).isEqualTo(new ApprovalSettings(false, Optional.of(250)));
        assertThat(directory.approvalSettings(other.id())).isEqualTo(ApprovalSettings.NONE);
        assertThat(directory.approvalSettings(newTenantId())).isEqualTo(ApprovalSettings.NONE);
    }

    @Test
    void a_tenant_without_domains_or_optional_links_reads_back_without_them() {
        Tenant tenant = new Tenant(newTenantId(), "Fabrikam", List.of(), switches(-1));

        directory.saveTenant(tenant);

        Tenant read = directory.tenant(tenant.id()).orElseThrow();
        assertThat(read.domains()).isEmpty();
        assertThat(read.settings().localNumbersUrl()).isEmpty();
        assertThat(read.settings().pinResetUrl()).isEmpty();
        assertThat(read.settings().helpUrl()).isEmpty();
        assertThat(read).isEqualTo(tenant);
    }

    @Test
    void saving_a_tenant_again_replaces_it_instead_of_adding_another() {
        TenantId id = newTenantId();
        directory.saveTenant(new Tenant(id, "Contoso", List.of(uniqueDomain("contoso")), TenantSettings.defaults("contoso", "contoso.com")));
        Tenant renamed = new Tenant(id, "Contoso Ltd", List.of(uniqueDomain("contoso-uk")), switches(2));

        directory.saveTenant(renamed);

        assertThat(directory.tenant(id)).contains(renamed);
        assertThat(directory.tenants()).filteredOn(t -> t.id().equals(id)).containsExactly(renamed);
    }

    @Test
    void a_domain_belongs_to_one_tenant_and_another_claiming_it_in_any_case_is_refused_naming_the_domain() {
        String domain = uniqueDomain("contoso");
        Tenant owner = new Tenant(newTenantId(), "Owner", List.of(domain), switches(-1));
        directory.saveTenant(owner);
        TenantId other = newTenantId();

        assertThatThrownBy(() -> directory.saveTenant(new Tenant(other, "Claimant", List.of(uniqueDomain("own"), domain.toUpperCase(Locale.ROOT)),
                switches(-1)))).isInstanceOf(org.mms.admin.AdminException.Conflict.class)
                .hasMessageContaining(domain).hasMessageNotContaining(owner.id().value()).hasMessageNotContaining("Owner");

        assertThat(directory.tenant(other)).as("nothing of the refused tenant was saved").isEmpty();
        assertThat(directory.tenant(owner.id())).contains(owner);
    }

    @Test
    void a_tenant_saved_again_keeps_its_domains_and_a_domain_it_dropped_can_be_taken_by_another() {
        String kept = uniqueDomain("kept");
        String dropped = uniqueDomain("dropped");
        Tenant first = new Tenant(newTenantId(), "First", List.of(kept, dropped), switches(-1));
        directory.saveTenant(first);
        directory.saveTenant(new Tenant(first.id(), "First again", List.of(kept, dropped), switches(1)));

        directory.saveTenant(new Tenant(first.id(), "First", List.of(kept), switches(-1)));
        Tenant second = new Tenant(newTenantId(), "Second", List.of(dropped), switches(-1));
        directory.saveTenant(second);

        assertThat(directory.tenant(second.id())).contains(second);
        assertThatThrownBy(() -> directory.saveTenant(new Tenant(first.id(), "First", List.of(kept, dropped), switches(-1))))
                .isInstanceOf(org.mms.admin.AdminException.Conflict.class).hasMessageContaining(dropped);
    }

    @Test
    void a_tenant_never_saved_is_not_there() {
        assertThat(directory.tenant(newTenantId())).isEmpty();
    }

    @Test
    void tenants_are_listed_by_name() {
        TenantId zeta = saveTenant("Zeta Corp").id();
        TenantId alpha = saveTenant("Alpha Corp").id();
        TenantId mid = saveTenant("Mid Corp").id();

        assertThat(directory.tenants()).extracting(Tenant::id).filteredOn(id -> List.of(zeta, alpha, mid).contains(id))
                .containsExactly(alpha, mid, zeta);
    }

    // ---- bridges ----

    @Test
    void a_bridge_reads_back_with_its_numbers_and_default_number() {
        Tenant tenant = saveTenant("Contoso");
        Bridge bridge = new Bridge(newId("bridge"), tenant.id(), "Zürich Nord", List.of(
                new ServiceNumber("+41445550100", DialInNumber.Kind.TOLL, "+41 44 555 01 00", Optional.of("Schweiz, Zürich")),
                new ServiceNumber("+41445550111", DialInNumber.Kind.TOLL, "+41 44 555 01 11", Optional.empty()),
                new ServiceNumber("+41800555010", DialInNumber.Kind.TOLL_FREE, "0800 555 010", Optional.of("Schweiz"))),
                Optional.of("+41445550100"));

        directory.saveBridge(bridge);

        assertThat(directory.bridge(bridge.id())).contains(bridge);
        assertThat(directory.bridges(tenant.id())).containsExactly(bridge);
    }

    @Test
    void saving_a_bridge_again_replaces_its_name_numbers_and_default() {
        Tenant tenant = saveTenant("Contoso");
        String id = newId("bridge");
        directory.saveBridge(new Bridge(id, tenant.id(), "Redmond", List.of(toll("+14255550100"), toll("+14255550111")),
                Optional.of("+14255550100")));
        Bridge changed = new Bridge(id, tenant.id(), "Redmond West", List.of(toll("+14255550122")), Optional.empty());

        directory.saveBridge(changed);

        assertThat(directory.bridge(id)).contains(changed);
        assertThat(directory.bridges(tenant.id())).containsExactly(changed);
    }

    @Test
    void a_bridge_is_found_by_its_name_in_any_case_and_only_in_its_tenant() {
        Tenant contoso = saveTenant("Contoso");
        Tenant fabrikam = saveTenant("Fabrikam");
        Bridge bridge = new Bridge(newId("bridge"), contoso.id(), "Zürich Nord", List.of(toll("+41445550100")), Optional.empty());
        directory.saveBridge(bridge);

        assertThat(directory.bridgeByName(contoso.id(), "ZÜRICH NORD")).contains(bridge);
        assertThat(directory.bridgeByName(contoso.id(), "zürich nord")).contains(bridge);
        assertThat(directory.bridgeByName(contoso.id(), "Zürich")).isEmpty();
        assertThat(directory.bridgeByName(fabrikam.id(), "Zürich Nord")).isEmpty();
        assertThat(directory.bridges(fabrikam.id())).isEmpty();
    }

    @Test
    void bridges_of_a_tenant_are_listed_by_name() {
        Tenant tenant = saveTenant("Contoso");
        for (String name : List.of("Redmond", "Dublin", "Manila")) {
            directory.saveBridge(new Bridge(newId("bridge"), tenant.id(), name, List.of(), Optional.empty()));
        }

        assertThat(directory.bridges(tenant.id())).extracting(Bridge::name).containsExactly("Dublin", "Manila", "Redmond");
    }

    @Test
    void a_bridge_never_saved_is_not_there() {
        assertThat(directory.bridge(newId("bridge"))).isEmpty();
    }

    // ---- users ----

    @Test
    void a_user_reads_back_with_every_field() {
        Tenant tenant = saveTenant("Contoso");
        User user = aFullUser(tenant.id());

        directory.addUser(user);

        assertThat(directory.user(tenant.id(), user.id())).contains(new Versioned<>(user, 0));
    }

    @Test
    void a_user_without_optional_settings_reads_back_without_them() {
        Tenant tenant = saveTenant("Contoso");
        User user = aPlainUser(tenant.id(), "plain@contoso.com");

        directory.addUser(user);

        User read = directory.user(tenant.id(), user.id()).orElseThrow().value();
        assertThat(read.aliases()).isEmpty();
        assertThat(read.pool()).isEmpty();
        assertThat(read.audio()).isEqualTo(AudioConferencing.none());
        assertThat(read).isEqualTo(user);
    }

    @Test
    void an_update_saves_every_field_and_counts_a_version() {
        Tenant tenant = saveTenant("Contoso");
        User full = aFullUser(tenant.id());
        directory.addUser(full);
        // Every field changed, the booleans each to a value the others do not share this time.
        User changed = new User(full.id(), tenant.id(), "zoe.faure@contoso.com", "zoe@contoso.com", "Zoe Faure", Set.of("zf@contoso.com"),
                Hosting.ONLINE, Optional.empty(), MailboxLocation.REACHABLE, MeetingType.SKYPE, TeamsUpgradeMode.TEAMS_ONLY,
                new AudioConferencing(false, true, AudioProvider.MICROSOFT, Optional.of("bridge-b"), Optional.of("+14255550199"),
                        Optional.empty(), Optional.of("12345"), true, List.of(), Optional.empty()),
                Locale.JAPAN);

        directory.updateUser(changed, 0);

        assertThat(directory.user(tenant.id(), full.id())).contains(new Versioned<>(changed, 1));
    }

    @Test
    void each_update_against_the_version_read_counts_one_more() {
        Tenant tenant = saveTenant("Contoso");
        User user = aPlainUser(tenant.id(), "alice@contoso.com");
        directory.addUser(user);

        for (long version = 0; version < 3; version++) {
            Versioned<User> read = directory.user(tenant.id(), user.id()).orElseThrow();
            assertThat(read.version()).isEqualTo(version);
            directory.updateUser(read.value().withMeetingType(version % 2 == 0 ? MeetingType.TEAMS : MeetingType.SKYPE), read.version());
        }

        assertThat(directory.user(tenant.id(), user.id()).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void an_update_against_a_stale_version_is_refused_and_the_other_change_stays() {
        Tenant tenant = saveTenant("Contoso");
        User user = aPlainUser(tenant.id(), "alice@contoso.com");
        directory.addUser(user);
        Versioned<User> readByFirstAdmin = directory.user(tenant.id(), user.id()).orElseThrow();
        Versioned<User> readBySecondAdmin = directory.user(tenant.id(), user.id()).orElseThrow();
        User firstChange = readByFirstAdmin.value().withMeetingType(MeetingType.TEAMS);
        directory.updateUser(firstChange, readByFirstAdmin.version());

        assertThatThrownBy(() -> directory.updateUser(readBySecondAdmin.value().withUpgradeMode(TeamsUpgradeMode.TEAMS_ONLY),
                readBySecondAdmin.version()))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(directory.user(tenant.id(), user.id())).contains(new Versioned<>(firstChange, 1));
    }

    @Test
    void an_update_of_a_user_never_added_is_refused_and_adds_nobody() {
        Tenant tenant = saveTenant("Contoso");
        User stranger = aPlainUser(tenant.id(), "stranger@contoso.com");

        assertThatThrownBy(() -> directory.updateUser(stranger, 0)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(directory.user(tenant.id(), stranger.id())).isEmpty();
        assertThat(directory.users(tenant.id())).isEmpty();
    }

    @Test
    void a_user_is_neither_read_nor_updated_through_another_tenant() {
        Tenant contoso = saveTenant("Contoso");
        Tenant fabrikam = saveTenant("Fabrikam");
        User alice = aPlainUser(contoso.id(), "alice@contoso.com");
        directory.addUser(alice);
        User hijacked = new User(alice.id(), fabrikam.id(), "alice@fabrikam.com", null, null, Set.of(), Hosting.ONLINE, Optional.empty(),
                MailboxLocation.REACHABLE, MeetingType.TEAMS, TeamsUpgradeMode.TEAMS_ONLY, AudioConferencing.none(), Locale.US);

        assertThatThrownBy(() -> directory.updateUser(hijacked, 0)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(directory.user(fabrikam.id(), alice.id())).isEmpty();
        assertThat(directory.findUser(fabrikam.id(), "alice@contoso.com")).isEmpty();
        assertThat(directory.users(fabrikam.id())).isEmpty();
        assertThat(directory.user(contoso.id(), alice.id())).contains(new Versioned<>(alice, 0));
    }

    @Test
    void users_of_a_tenant_are_listed_in_upn_order() {
        Tenant contoso = saveTenant("Contoso");
        Tenant fabrikam = saveTenant("Fabrikam");
        for (String upn : List.of("carol@contoso.com", "alice@contoso.com", "bob@contoso.com")) {
            directory.addUser(aPlainUser(contoso.id(), upn));
        }
        directory.addUser(aPlainUser(fabrikam.id(), "anna@fabrikam.com"));

        assertThat(directory.users(contoso.id())).extracting(User::upn)
                .containsExactly("alice@contoso.com", "bob@contoso.com", "carol@contoso.com");
    }

    @Test
    void users_on_a_bridge_are_listed_in_upn_order_without_the_others() {
        Tenant tenant = saveTenant("Contoso");
        String redmond = newId("bridge");
        String dublin = newId("bridge");
        directory.addUser(onBridge(aPlainUser(tenant.id(), "dave@contoso.com"), redmond));
        directory.addUser(onBridge(aPlainUser(tenant.id(), "bea@contoso.com"), redmond));
        directory.addUser(onBridge(aPlainUser(tenant.id(), "carl@contoso.com"), dublin));
        directory.addUser(aPlainUser(tenant.id(), "ann@contoso.com"));

        assertThat(directory.usersOnBridge(redmond)).extracting(User::upn).containsExactly("bea@contoso.com", "dave@contoso.com");
    }

    // ---- finding a user by any of their names ----

    @Test
    void a_user_is_found_by_upn_sip_address_alias_or_id_in_any_case() {
        Tenant tenant = saveTenant("Contoso");
        User user = aFullUser(tenant.id());
        directory.addUser(user);
        Versioned<User> expected = new Versioned<>(user, 0);

        assertThat(directory.findUser(tenant.id(), "ZOË.FAURE-ŁUKASIEWICZ@CONTOSO.COM")).as("UPN").contains(expected);
        assertThat(directory.findUser(tenant.id(), " SIP:Zoe.Faure@Contoso.com ")).as("SIP address").contains(expected);
        assertThat(directory.findUser(tenant.id(), "mailto:ZF@contoso.com")).as("alias").contains(expected);
        assertThat(directory.findUser(tenant.id(), user.id().value().toUpperCase(Locale.ROOT))).as("id").contains(expected);
        assertThat(directory.findUser(tenant.id(), "zoe@contoso.com")).as("no one's name").isEmpty();
    }

    @Test
    void a_user_is_found_by_the_sip_address_an_update_gave_them_and_no_longer_by_the_old_one() {
        Tenant tenant = saveTenant("Contoso");
        User user = aFullUser(tenant.id());
        directory.addUser(user);
        User moved = user.withSipAddress("Zoe.Faure@Fabrikam.com");
        directory.updateUser(moved, 0);

        assertThat(directory.findUser(tenant.id(), "sip:zoe.faure@FABRIKAM.com")).contains(new Versioned<>(moved, 1));
        assertThat(directory.findUser(tenant.id(), "sip:zoe.faure@contoso.com")).isEmpty();
    }

    @Test
    void an_alias_is_matched_whole_even_with_wildcard_characters_in_it() {
        Tenant tenant = saveTenant("Contoso");
        User user = new User(UserId.random(), tenant.id(), "ana.ortiz@contoso.com", null, null,
                Set.of("ana_ortiz@contoso.com", "100%ana@contoso.com"), Hosting.ONLINE, Optional.empty(), MailboxLocation.REACHABLE,
                MeetingType.SKYPE, TeamsUpgradeMode.ISLANDS, AudioConferencing.none(), Locale.US);
        directory.addUser(user);

        assertThat(directory.findUser(tenant.id(), "ana_ortiz@contoso.com")).map(Versioned::value).contains(user);
        assertThat(directory.findUser(tenant.id(), "100%ana@contoso.com")).map(Versioned::value).contains(user);
        assertThat(directory.findUser(tenant.id(), "anaxortiz@contoso.com")).isEmpty();
        assertThat(directory.findUser(tenant.id(), "ortiz@contoso.com")).isEmpty();
        assertThat(directory.findUser(tenant.id(), "100ana@contoso.com")).isEmpty();
    }

    // ---- where calendars live ----

    @Test
    void a_tenant_without_calendar_store_settings_uses_the_embedded_store() {
        Tenant tenant = saveTenant("Contoso");

        assertThat(directory.calendarStore(tenant.id())).isEqualTo(CalendarStoreSettings.embedded());
    }

    @Test
    void calendar_store_settings_read_back_replace_earlier_ones_and_stay_with_their_tenant() {
        Tenant contoso = saveTenant("Contoso");
        Tenant fabrikam = saveTenant("Fabrikam");
        CalendarStoreSettings caldav = new CalendarStoreSettings(CalendarStoreSettings.Kind.CALDAV,
                Optional.of(URI.create("https://dav.contoso.com/dav/")), Optional.of("/calendars/{upn}/default/"),
                Optional.of("mms-service@contoso.com"), Optional.of(new Secret("pässwört 🔑")), CalendarStoreSettings.Scheduling.SERVER_SCHEDULES);
        CalendarStoreSettings bare = new CalendarStoreSettings(CalendarStoreSettings.Kind.CALDAV,
                Optional.of(URI.create("http://dav.fabrikam.com")), Optional.empty(), Optional.empty(), Optional.empty(),
                CalendarStoreSettings.Scheduling.AUTO, true);

        directory.saveCalendarStore(contoso.id(), caldav);
        directory.saveCalendarStore(fabrikam.id(), bare);

        assertThat(directory.calendarStore(contoso.id())).isEqualTo(caldav);
        assertThat(directory.calendarStore(fabrikam.id())).isEqualTo(bare);

        directory.saveCalendarStore(contoso.id(), CalendarStoreSettings.embedded());

        assertThat(directory.calendarStore(contoso.id())).isEqualTo(CalendarStoreSettings.embedded());
        assertThat(directory.calendarStore(fabrikam.id())).isEqualTo(bare);
    }

    @Test
    void an_exchange_online_store_reads_back_with_its_client_secret_or_its_certificate_and_password_and_its_in_flight_limits() {
        Tenant contoso = saveTenant("Contoso");
        Tenant fabrikam = saveTenant("Fabrikam");
        CalendarStoreSettings withSecret = CalendarStoreSettings.graph(new GraphStoreSettings("5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17",
                "0b6f2c4e-8a1d-4f3b-9c7e-2d5a6b8c9e01", new GraphStoreSettings.ClientSecret(new Secret("Zq8~client.secret-🔑")),
                GraphStoreSettings.GRAPH, GraphStoreSettings.AUTHORITY));
        byte[] certificateFile = new byte[9000];
        new java.util.Random(15).nextBytes(certificateFile);
        CalendarStoreSettings withCertificate = CalendarStoreSettings.graph(new GraphStoreSettings("11111111-2222-3333-4444-555555555555",
                "99999999-2222-3333-4444-555555555555", GraphStoreSettings.Certificate.of(certificateFile, Optional.of(new Secret("pfx pässword"))),
                URI.create("https://graph.microsoft.us/v1.0"), URI.create("https://login.microsoftonline.us"), 2, 300));

        directory.saveCalendarStore(contoso.id(), withSecret);
        directory.saveCalendarStore(fabrikam.id(), withCertificate);

        assertThat(directory.calendarStore(contoso.id())).isEqualTo(withSecret);
        assertThat(directory.calendarStore(contoso.id()).graph().orElseThrow()).extracting(GraphStoreSettings::maxRequestsPerMailbox,
                GraphStoreSettings::maxRequestsInFlight).containsExactly(4, 64);
        assertThat(directory.calendarStore(fabrikam.id())).isEqualTo(withCertificate);
        assertThat(directory.calendarStore(fabrikam.id()).graph().orElseThrow()).extracting(GraphStoreSettings::maxRequestsPerMailbox,
                GraphStoreSettings::maxRequestsInFlight).containsExactly(2, 300);
        assertThat(((GraphStoreSettings.Certificate) directory.calendarStore(fabrikam.id()).graph().orElseThrow().credential()).bytes())
                .isEqualTo(certificateFile);

        directory.saveCalendarStore(contoso.id(), CalendarStoreSettings.embedded());

        assertThat(directory.calendarStore(contoso.id())).isEqualTo(CalendarStoreSettings.embedded());
        assertThat(directory.calendarStore(fabrikam.id())).isEqualTo(withCertificate);
    }

    @Test
    void a_users_calendar_url_reads_back_is_replaced_and_cleared_for_that_user_only() {
        Tenant contoso = saveTenant("Contoso");
        Tenant fabrikam = saveTenant("Fabrikam");
        UserId alice = UserId.random();
        UserId bob = UserId.random();
        URI first = URI.create("https://dav.contoso.com/calendars/alice/projects/");
        URI second = URI.create("https://dav.contoso.com/calendars/alice/K%C3%BCche/");
        directory.saveCalendarUrl(contoso.id(), alice, Optional.of(first));
        directory.saveCalendarUrl(contoso.id(), bob, Optional.of(URI.create("https://dav.contoso.com/calendars/bob/")));

        assertThat(directory.calendarUrl(contoso.id(), alice)).contains(first);
        assertThat(directory.calendarUrl(fabrikam.id(), alice)).isEmpty();

        directory.saveCalendarUrl(contoso.id(), alice, Optional.of(second));
        assertThat(directory.calendarUrl(contoso.id(), alice)).contains(second);

        directory.saveCalendarUrl(contoso.id(), alice, Optional.empty());
        assertThat(directory.calendarUrl(contoso.id(), alice)).isEmpty();
        assertThat(directory.calendarUrl(contoso.id(), bob)).contains(URI.create("https://dav.contoso.com/calendars/bob/"));
    }

    // ---- fixtures ----

    private Tenant saveTenant(String name) {
        Tenant tenant = new Tenant(newTenantId(), name, List.of(uniqueDomain(name.toLowerCase(Locale.ROOT).replace(' ', '-'))),
                TenantSettings.defaults("contoso", "contoso.com"));
        directory.saveTenant(tenant);
        return tenant;
    }

    /** Settings with only switch {@code on} (0 to 5) on, none for -1, and none of the optional links. */
    private static TenantSettings switches(int on) {
        return new TenantSettings(on == 0, on == 1, on == 2, on == 3, on == 4, Duration.ofMinutes(10), 250, 9, Duration.ofHours(24),
                Duration.ofDays(150), ONLINE, ON_PREMISES, TEAMS, Optional.empty(), Optional.empty(), Optional.empty(), on == 5,
                Optional.empty(), OutgoingPacing.NONE);
    }

    /** Every field set, Unicode where people write it, each boolean of the audio settings unlike one of the others. */
    private static User aFullUser(TenantId tenant) {
        AudioConferencing audio = new AudioConferencing(true, false, AudioProvider.THIRD_PARTY, Optional.of("bridge-a"),
                Optional.of("+14255550100"), Optional.of("+18005550100"), Optional.of("4711080"), true,
                List.of(new DialInNumber("+41445550100", DialInNumber.Kind.TOLL, "+41 44 555 01 00", Optional.of("Schweiz, Zürich")),
                        new DialInNumber("+18005550199", DialInNumber.Kind.TOLL_FREE, "+1 800 555 0199", Optional.empty())),
                Optional.of("98765432#"));
        return new User(UserId.random(), tenant, "zoë.faure-łukasiewicz@contoso.com", "zoe.faure@contoso.com", "Zoë Faure-Łukasiewicz 王",
                Set.of("zf@contoso.com", "zoe.f@contoso.com"), Hosting.ON_PREMISES, Optional.of("pool01.contoso.com"),
                MailboxLocation.ON_PREMISES, MeetingType.TEAMS, TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS, audio,
                Locale.forLanguageTag("de-CH"), Optional.of("3e9a6f21-47c8-4b5d-a1e0-8c2d9f6b7a43"));
    }

    private static User aPlainUser(TenantId tenant, String upn) {
        return new User(UserId.random(), tenant, upn, null, null, Set.of(), Hosting.ONLINE, Optional.empty(), MailboxLocation.REACHABLE,
                MeetingType.SKYPE, TeamsUpgradeMode.ISLANDS, AudioConferencing.none(), Locale.US);
    }

    private static User onBridge(User user, String bridgeId) {
        return user.withAudio(user.audio().withLicence(true).withEnabled(true).withBridge(Optional.of(bridgeId), Optional.empty(),
                Optional.empty()));
    }

    private static ServiceNumber toll(String number) {
        return new ServiceNumber(number, DialInNumber.Kind.TOLL, number, Optional.empty());
    }

    /** A domain no other test's tenant has: a domain belongs to one tenant, and the tests share a database. */
    private static String uniqueDomain(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    }

    private static TenantId newTenantId() {
        return new TenantId(newId("tenant"));
    }

    private static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }
}
