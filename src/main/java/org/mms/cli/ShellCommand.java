package org.mms.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mms shell}: one process that reads cmdlets line by line, as a PowerShell session does, so that
 * the JVM starts once for dozens of cmdlets. Each line prints what the same one-shot call prints; a
 * failing line says why and the session goes on. {@code exit} (or the end of the input) ends it,
 * {@code Get-History} ({@code h}, {@code history}) lists the lines so far. Reads a script from a pipe as
 * well as from the keyboard; the prompt shows only on a terminal.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, description = {"Reads cmdlets line by line, as a PowerShell session does.", "",
    "Quoting as in PowerShell ('single', \"double\"); Get-History or h lists the session's lines; exit or end of input ends it. "
        + "Reads a script from standard input as well. The exit code is that of the last cmdlet (or exit N)."})
final class ShellCommand implements Callable<Integer> {

    private static final String PROMPT = "MMS> ";

    @CommandLine.ParentCommand
    MmsCommand mms;

    @Override
    public Integer call() {
        boolean terminal = mms.in == System.in && System.console() != null && System.console().isTerminal();
        BufferedReader lines = new BufferedReader(new InputStreamReader(mms.in, StandardCharsets.UTF_8));
        List<String> history = new ArrayList<>();
        int last = ExitCodes.OK;
        while (true) {
            if (terminal) {
                mms.out.print(PROMPT);
                mms.out.flush();
            }
            String line = read(lines);
            if (line == null) {
                return last;
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words;
            try {
                words = ShellWords.of(line);
            } catch (ShellWords.Unreadable e) {
                mms.err.println("mms: " + e.getMessage());
                mms.err.flush();
                last = ExitCodes.USAGE;
                continue;
            }
            history.add(line);
            String first = words.getFirst();
            if (first.equalsIgnoreCase("exit")) {
                return words.size() > 1 ? exitCode(words.get(1)) : last;
            }
            if (first.equalsIgnoreCase("Get-History") || first.equalsIgnoreCase("h") || first.equalsIgnoreCase("history")) {
                for (int i = 0; i < history.size(); i++) {
                    mms.out.printf("%4d %s%n", i + 1, history.get(i));
                }
                mms.out.flush();
                last = ExitCodes.OK;
            } else if (first.equalsIgnoreCase("shell")) {
                mms.err.println("mms: already in the shell");
                last = ExitCodes.USAGE;
            } else {
                last = MmsCommand.run(words.toArray(String[]::new), InputStream.nullInputStream(), mms.out, mms.err, mms.env);
            }
        }
    }

    private static String read(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int exitCode(String given) {
        try {
            return Integer.parseInt(given);
        } catch (NumberFormatException e) {
            mms.err.println("mms: exit takes a number, not '" + given + "'");
            return ExitCodes.USAGE;
        }
    }
}
