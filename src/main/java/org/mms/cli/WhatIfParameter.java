package org.mms.cli;

import picocli.CommandLine.Option;

/**
 * {@code -WhatIf} on the cmdlets that can queue a migration, as PowerShell cmdlets have it: nothing changes, and the
 * answer says what would, down to each meeting.
 */
final class WhatIfParameter {

    @Option(names = "-WhatIf", arity = "0..1", paramLabel = "<bool>",
            description = "Change nothing: show the trigger decisions and, per user, the meetings that would be updated, skipped or fail.")
    boolean whatIf;

    /** The route, asking for a preview when {@code -WhatIf} is given. */
    String path(String path) {
        return whatIf ? path + "?whatIf=true" : path;
    }

    /** How the answer prints: the decisions, or with {@code -WhatIf} the preview. */
    PsFormat format() {
        return whatIf ? WhatIfFormat.preview() : Cmdlet.decisions();
    }
}
