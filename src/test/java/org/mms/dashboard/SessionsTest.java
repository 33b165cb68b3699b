package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mms.testing.MutableClock;

class SessionsTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final Sessions sessions = new Sessions(clock);

    @Test
    void aSessionLastsItsLifetimeAndNotASecondLonger() {
        Sessions.Session session = sessions.open("mms_token");

        clock.advance(Sessions.LIFETIME.minusSeconds(1));
        assertThat(sessions.find(session.id())).hasValue(session);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void eachSessionHasItsOwnUnguessableIdAndCsrfTokenAndAcceptsOnlyItsOwn() {
        Sessions.Session one = sessions.open("mms_token");
        Sessions.Session two = sessions.open("mms_token");

        assertThat(one.id()).isNotEqualTo(two.id()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(one.csrf()).isNotEqualTo(two.csrf()).isNotEqualTo(one.id());
        assertThat(one.allows(one.csrf())).isTrue();
        assertThat(one.allows(two.csrf())).isFalse();
        assertThat(one.allows(null)).isFalse();
        assertThat(one.allows("")).isFalse();
    }

    @Test
    void aClosedSessionIsGone() {
        Sessions.Session session = sessions.open("mms_token");

        sessions.close(session.id());

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
