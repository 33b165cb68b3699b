package org.mms.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mms} command: the offline migration tool, and the cmdlets that steer the service over its REST API. */
@Command(name = "mms", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "MMS, the Meeting Migration Service: moves an organizer's future meetings to new online-meeting coordinates.")
public final class MmsCommand implements Runnable {

    /**
     * Every command, in the order the help lists them. A call names one: only that one is given to
     * picocli, which otherwise reads the parameters of all of them (and loads the classes their fields
     * name) before doing anything; help, a misspelt name and the shell get them all.
     */
    static final List<Class<?>> COMMANDS = List.of(
            MigrateIcsCommand.class, GenerateCalendarCommand.class, ServeCommand.class, TokenCommand.class, DemoCommand.class, ShellCommand.class,
            TenantCmdlets.GetCsTenantMigrationConfiguration.class, TenantCmdlets.SetCsTenantMigrationConfiguration.class,
            TenantCmdlets.GetCsOnlineDialInConferencingTenantSettings.class, TenantCmdlets.SetCsOnlineDialInConferencingTenantSettings.class,
            TenantCmdlets.UpdateCsTenantMeetingUrl.class, TenantCmdlets.GetCsCalendarStore.class, TenantCmdlets.SetCsCalendarStore.class,
            UserCmdlets.GetCsOnlineUser.class, UserCmdlets.MoveCsUser.class, UserCmdlets.SetCsOnlineDialInConferencingUser.class,
            UserCmdlets.EnableCsOnlineDialInConferencingUser.class, UserCmdlets.DisableCsOnlineDialInConferencingUser.class,
            UserCmdlets.SetCsAudioConferencingLicense.class, UserCmdlets.SetCsUser.class, UserCmdlets.GrantCsTeamsUpgradePolicy.class,
            BridgeCmdlets.GetCsOnlineDialInConferencingBridge.class, BridgeCmdlets.UnregisterCsOnlineDialInConferencingServiceNumber.class,
            MigrationCmdlets.StartCsExMeetingMigration.class, MigrationCmdlets.GetCsMeetingMigrationStatus.class,
            MigrationCmdlets.GetCsMeetingMigrationDetail.class, MigrationCmdlets.GetCsMeetingMigrationTriggerDecision.class,
            MigrationRecordCmdlets.GetCsMeetingMigrationTransactionHistory.class, MigrationRecordCmdlets.ExportCsMeetingMigrationReport.class,
            MigrationRecordCmdlets.UndoCsMeetingMigration.class,
            MigrationCmdlets.ApproveCsMeetingMigration.class, MigrationCmdlets.DenyCsMeetingMigration.class,
            ImportCmdlets.ImportCsDirectory.class, ImportCmdlets.ImportCsCalendar.class, ImportCmdlets.ExportCsCalendar.class,
            ImportCmdlets.NewCsOnlineMeeting.class,
            AccessCmdlets.NewCsTenant.class, AccessCmdlets.GetCsTenant.class, AccessCmdlets.RemoveCsTenant.class,
            AccessCmdlets.NewCsAdminToken.class, AccessCmdlets.GetCsAdminToken.class, AccessCmdlets.RevokeCsAdminToken.class,
            AccessCmdlets.GetCsAuditLog.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands write results (stdout) and diagnostics (stderr); tests pass their own. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    /** The environment the cmdlets read MMS_URL, MMS_TOKEN and MMS_DATA from; tests pass their own. */
    Map<String, String> env = System.getenv();

    /** Standard input, where {@code -Password -} reads a password from; tests pass their own. */
    InputStream in = System.in;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, System.in, out, err, env);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        MmsCommand root = new MmsCommand();
        root.in = in;
        root.out = out;
        root.err = err;
        root.env = env;
        CommandLine cli = new CommandLine(root);
        commandsFor(args).forEach(cli::addSubcommand);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setSubcommandsCaseInsensitive(true);
        cli.setAbbreviatedOptionsAllowed(false);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler(new ExitCodes());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setParameterExceptionHandler(new ExitCodes());
        cli.getSubcommands().values().stream().filter(c -> c.getCommand() instanceof Cmdlet).distinct().forEach(MmsCommand::speakPowerShell);
        return cli.execute(args);
    }

    /** The command {@code args} call, when its name (in any case) comes first; none for the version; otherwise all of them. */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        if (args.length > 0 && !args[0].equalsIgnoreCase("help")) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equalsIgnoreCase(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    /**
     * Cmdlets parse as PowerShell does: parameter names in any case, {@code -Name:value} as well as
     * {@code -Name value}, {@code $true}/{@code $false}, US dates. The GNU-style commands keep
     * {@code --name=value}.
     */
    private static void speakPowerShell(CommandLine cmdlet) {
        cmdlet.setOptionsCaseInsensitive(true);
        cmdlet.setPosixClusteredShortOptionsAllowed(false);
        cmdlet.setSeparator(":");
        cmdlet.registerConverter(Boolean.class, PsValues.BOOLEAN);
        cmdlet.registerConverter(boolean.class, PsValues.BOOLEAN);
        cmdlet.registerConverter(Instant.class, new PsValues.Dates(ZoneId::systemDefault));
    }
}
