package org.mms.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The bridge cmdlets: listing bridges, and taking a service number off one. */
final class BridgeCmdlets {

    private BridgeCmdlets() {
    }

    @Command(name = "Get-CsOnlineDialInConferencingBridge", description = "Lists the dial-in conferencing bridges and their numbers.")
    static final class GetCsOnlineDialInConferencingBridge extends Cmdlet {
        @Override
        Answer call(MmsClient server) {
            return new Answer(server.get(MmsClient.path("bridges"), Map.of()),
                    PsFormat.table("Name", "Identity", "DefaultServiceNumber", "ServiceNumbers"));
        }
    }

    @Command(name = "Unregister-CsOnlineDialInConferencingServiceNumber",
            description = {"Takes a service number off a bridge.", "",
                "The meetings of every user on the bridge whose invitations show the number are migrated."})
    static final class UnregisterCsOnlineDialInConferencingServiceNumber extends Cmdlet {
        @Option(names = "-Identity", paramLabel = "<number>", description = "The service number, e.g. +14255550100. May also come first, without -Identity.")
        String named;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<number>", hidden = true)
        String positional;

        @Option(names = "-BridgeName", required = true, paramLabel = "<name>", description = "The bridge the number is on.")
        String bridgeName;

        @Option(names = "-RemoveDefaultServiceNumber", arity = "0..1", paramLabel = "<bool>", description = "Also when it is the bridge's default number.")
        boolean removeDefaultServiceNumber;

        @Mixin
        WhatIfParameter whatIf;

        @Override
        Answer call(MmsClient server) {
            if (named != null && positional != null && !named.equals(positional)) {
                throw usage("-Identity is given twice, as '" + named + "' and as '" + positional + "'");
            }
            String number = named != null ? named : positional;
            if (number == null || number.isBlank()) {
                throw usage("-Identity (the service number) is required");
            }
            String path = MmsClient.path("bridges", bridgeName, "service-numbers", number.strip(), "unregister");
            return new Answer(server.send("POST", whatIf.path(path), Map.of("RemoveDefaultServiceNumber", removeDefaultServiceNumber)),
                    whatIf.format());
        }
    }
}
