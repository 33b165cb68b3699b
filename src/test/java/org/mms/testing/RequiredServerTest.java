package org.mms.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredServerTest {

    private static final String ABSENT = "mms-no-such-server-binary";

    @Test
    void an_absent_server_skips_the_test_on_a_developer_machine_naming_the_binary_and_package() {
        assertThatThrownBy(() -> RequiredServer.assumeOrFail(ABSENT, "mms-no-such-package", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("'" + ABSENT + "' is not on the PATH")
                .hasMessageContaining("apt-get install mms-no-such-package");
    }

    @Test
    void an_absent_server_fails_the_test_under_ci() {
        assertThatThrownBy(() -> RequiredServer.assumeOrFail(ABSENT, "mms-no-such-package", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("CI=true and '" + ABSENT + "' is not on the PATH");
    }

    @Test
    void a_present_binary_is_found_on_the_path() {
        // "sh" is on every PATH these tests run on.
        Path sh = RequiredServer.assumeOrFail("sh", "dash", true);
        assertThat(sh).isExecutable();
        assertThat(sh.getFileName()).hasToString("sh");
    }

    @Test
    void an_absent_executable_outside_the_path_skips_or_fails_the_same_way() {
        Path absent = Path.of("/usr/lib/mms-no-such-server/bin/master");

        assertThatThrownBy(() -> RequiredServer.assumeInstalled(absent, "mms-no-such-package", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("'" + absent + "' is not installed")
                .hasMessageContaining("apt-get install mms-no-such-package");
        assertThatThrownBy(() -> RequiredServer.assumeInstalled(absent, "mms-no-such-package", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("CI=true and '" + absent + "' is not installed");
    }
}
