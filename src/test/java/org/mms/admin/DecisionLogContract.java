package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.Views.TriggerDecision;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/**
 * What every {@link DecisionLog} must do: keep each decision whole, list a tenant's newest first,
 * and filter by user and time. Each database gets a subclass that says how to open the adapter. The
 * tests share one database per class and keep apart by tenant.
 */
public abstract class DecisionLogContract {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final UserId ALICE = new UserId("3f1c6a52-0b7e-4f0e-9a55-1c2d3e4f5a6b");
    private static final UserId BOB = new UserId("8e2d7b41-5c6a-4d3b-8e9f-0a1b2c3d4e5f");

    /** A log on the database this test class shares, in which the given tenants exist. */
    protected abstract DecisionLog open(TenantId... tenants);

    private final TenantId contoso = new TenantId("contoso-" + UUID.randomUUID());
    private final TenantId fabrikam = new TenantId("fabrikam-" + UUID.randomUUID());
    private DecisionLog log;

    @BeforeEach
    void open_the_log() {
        log = open(contoso, fabrikam);
    }

    @Test
    void a_decision_reads_back_with_every_field() {
        TriggerDecision queued = new TriggerDecision(ALICE.value(), "zoë.faure@contoso.com", "AudioConferencingLicenceAssigned",
                "Audiokonferenz-Lizenz zugewiesen 🎧", "Queue", "SFB_TO_TEAMS", "Zoë bekommt Microsoft-Einwahlnummern: 会议号码已更改",
                "0f8fad5b-d9cb-469f-a165-70867728950e", T0);
        TriggerDecision declined = new TriggerDecision(BOB.value(), "bob@contoso.com", "SipAddressChanged", "sip address changed",
                "NoMigration", null, "the tenant did not opt in to migrating on SIP address changes", null, T0.plusSeconds(1));

        log.record(contoso, queued);
        log.record(contoso, declined);

        assertThat(log.list(contoso, Optional.empty(), Optional.empty(), 10)).containsExactly(declined, queued);
    }

    @Test
    void decisions_are_listed_newest_first_and_in_reverse_order_of_recording_at_the_same_time() {
        TriggerDecision oldest = decision(ALICE, "oldest", T0);
        TriggerDecision newest = decision(ALICE, "newest", T0.plusSeconds(60));
        TriggerDecision sameTimeFirst = decision(BOB, "same time, recorded first", T0.plusSeconds(30));
        TriggerDecision sameTimeSecond = decision(ALICE, "same time, recorded second", T0.plusSeconds(30));
        for (TriggerDecision d : List.of(newest, sameTimeFirst, oldest, sameTimeSecond)) {
            log.record(contoso, d);
        }

        assertThat(log.list(contoso, Optional.empty(), Optional.empty(), 10))
                .containsExactly(newest, sameTimeSecond, sameTimeFirst, oldest);
    }

    @Test
    void a_list_holds_no_more_than_asked_the_newest_ones() {
        for (int i = 0; i < 5; i++) {
            log.record(contoso, decision(ALICE, "change " + i, T0.plusSeconds(i)));
        }

        assertThat(log.list(contoso, Optional.empty(), Optional.empty(), 2)).extracting(TriggerDecision::Detail)
                .containsExactly("change 4", "change 3");
    }

    @Test
    void a_list_for_one_user_holds_only_their_decisions() {
        log.record(contoso, decision(ALICE, "alice 1", T0));
        log.record(contoso, decision(BOB, "bob 1", T0.plusSeconds(1)));
        log.record(contoso, decision(ALICE, "alice 2", T0.plusSeconds(2)));

        assertThat(log.list(contoso, Optional.of(ALICE), Optional.empty(), 10)).extracting(TriggerDecision::Detail)
                .containsExactly("alice 2", "alice 1");
        assertThat(log.list(contoso, Optional.of(UserId.random()), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void a_list_since_a_time_holds_the_decisions_made_at_or_after_it() {
        log.record(contoso, decision(ALICE, "before", T0.minusMillis(1)));
        log.record(contoso, decision(ALICE, "at", T0));
        log.record(contoso, decision(BOB, "after", T0.plus(Duration.ofDays(3))));

        assertThat(log.list(contoso, Optional.empty(), Optional.of(T0), 10)).extracting(TriggerDecision::Detail)
                .containsExactly("after", "at");
        assertThat(log.list(contoso, Optional.of(BOB), Optional.of(T0), 10)).extracting(TriggerDecision::Detail)
                .containsExactly("after");
    }

    @Test
    void a_tenant_sees_only_its_own_decisions() {
        log.record(contoso, decision(ALICE, "contoso's", T0));
        log.record(fabrikam, decision(ALICE, "fabrikam's", T0));

        assertThat(log.list(contoso, Optional.empty(), Optional.empty(), 10)).extracting(TriggerDecision::Detail)
                .containsExactly("contoso's");
        assertThat(log.list(fabrikam, Optional.of(ALICE), Optional.of(T0), 10)).extracting(TriggerDecision::Detail)
                .containsExactly("fabrikam's");
    }

    @Test
    void a_detail_or_reason_too_long_to_keep_is_cut_with_an_ellipsis_instead_of_refused() {
        String detail = "ä".repeat(1_500);
        String reason = "文".repeat(3_000);

        log.record(contoso, new TriggerDecision(ALICE.value(), "alice@contoso.com", "Import", detail, "Queue", "TO_SAME_TYPE", reason,
                null, T0));

        TriggerDecision kept = log.list(contoso, Optional.empty(), Optional.empty(), 1).getFirst();
        assertThat(kept.Detail()).hasSize(1_000).startsWith("ää").endsWith("ä…");
        assertThat(kept.Reason()).hasSize(2_000).startsWith("文文").endsWith("文…");
    }

    private static TriggerDecision decision(UserId user, String detail, Instant at) {
        return new TriggerDecision(user.value(), user.equals(ALICE) ? "alice@contoso.com" : "bob@contoso.com", "ConferenceIdReset", detail,
                "Queue", "TO_SAME_TYPE", "the conference ID changed", UUID.randomUUID().toString(), at);
    }
}
