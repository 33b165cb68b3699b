package org.mms.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests against real servers from Debian packages: on a developer machine without the package they
 * are skipped, loudly; under CI ({@code CI=true}), where the packages must be installed, they fail.
 */
public final class RequiredServer {

    private RequiredServer() {
    }

    /**
     * The executable {@code binary} found on the PATH; otherwise the calling test is skipped (an
     * assumption failure naming the binary and the package) or, when {@code CI=true}, fails.
     */
    public static Path assumeOrFail(String binary, String debianPackage) {
        return assumeOrFail(binary, debianPackage, onCi());
    }

    static Path assumeOrFail(String binary, String debianPackage, boolean ci) {
        Optional<Path> found = onPath(binary);
        if (found.isPresent()) {
            return found.get();
        }
        return absent("'" + binary + "' is not on the PATH", debianPackage, ci);
    }

    /**
     * The same for an executable at a fixed place outside the PATH (Cyrus keeps its daemons in
     * {@code /usr/lib/cyrus/bin}).
     */
    public static Path assumeInstalled(Path executable, String debianPackage) {
        return assumeInstalled(executable, debianPackage, onCi());
    }

    static Path assumeInstalled(Path executable, String debianPackage, boolean ci) {
        if (Files.isRegularFile(executable) && Files.isExecutable(executable)) {
            return executable;
        }
        return absent("'" + executable + "' is not installed", debianPackage, ci);
    }

    private static Path absent(String what, String debianPackage, boolean ci) {
        String message = what + ": install the Debian package '" + debianPackage
                + "' (apt-get install " + debianPackage + ") to run the tests against it";
        if (ci) {
            fail("CI=true and " + message);
        }
        System.err.println("*** SKIPPED: " + message + " ***");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Optional<Path> onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
