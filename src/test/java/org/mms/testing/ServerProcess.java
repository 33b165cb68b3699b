package org.mms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A server process started by a test: its private directory, its log, its port; stopped with its
 * whole process tree, and its directory removed.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final String name;
    private final Path directory;
    private final Path log;
    private final Process process;
    private final int port;

    private ServerProcess(String name, Path directory, Path log, Process process, int port) {
        this.name = name;
        this.directory = directory;
        this.log = log;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the command {@code commandForPort} gives for a free port of 127.0.0.1, with its output in
     * a log file of {@code directory}, and waits until the port accepts connections. Another process
     * may take the port between the choice and the start; then it tries again with another.
     */
    static ServerProcess startOnFreePort(String name, Path directory, IntFunction<List<String>> commandForPort) {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            try {
                return start(name, directory, port, commandForPort.apply(port));
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        deleteDirectory(directory);
        throw failure;
    }

    private static ServerProcess start(String name, Path directory, int port, List<String> command) {
        Path log = directory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Neither server may pick up the user's own configuration.
        builder.environment().put("HOME", directory.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        ServerProcess server = new ServerProcess(name, directory, log, process, port);
        server.awaitListening();
        return server;
    }

    /** A port on 127.0.0.1 that nothing listens on now. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path privateDirectory(String name) {
        try {
            return Files.createTempDirectory("mms-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same in {@code parent} when it is a writable directory, else in the usual place. */
    static Path privateDirectory(String name, Path parent) {
        if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
            return privateDirectory(name);
        }
        try {
            return Files.createTempDirectory(parent, "mms-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** What the server wrote so far, for failure messages. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String output = log();
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " at startup:\n" + output);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        String output = log();
        stop();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + STARTUP + ":\n" + output);
    }

    /** Stops the server and whatever it started, then removes its directory. */
    @Override
    public void close() {
        stop();
        deleteDirectory(directory);
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
