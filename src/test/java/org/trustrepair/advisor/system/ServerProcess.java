package org.trustrepair.advisor.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustrepair.advisor.AdvisorApplication;

/**
 * The advisor as its own process, the way it runs in production: {@code java … AdvisorApplication} with the test
 * classpath. Everything the process may write lands under {@code home}: its working folder, {@code java.io.tmpdir},
 * {@code user.home}; its console goes to {@code log}, outside {@code home}. {@link #terminate()} sends SIGTERM.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    final Path home;
    final Path log;
    final Process process;
    final int port;

    private ServerProcess(Path home, Path log, Process process, int port) {
        this.home = home;
        this.log = log;
        this.process = process;
        this.port = port;
    }

    /** Starts the server under {@code root} (its files in {@code root/server}, its console in {@code root/server.log}). */
    static ServerProcess start(Path root, List<String> jvmOptions, List<String> args) throws Exception {
        Path home = Files.createDirectories(root.resolve("server"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        Path userHome = Files.createDirectories(home.resolve("home"));
        Path work = Files.createDirectories(home.resolve("work"));
        Path log = root.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Duser.home=" + userHome);
        command.add("-XX:-UsePerfData"); // no hsperfdata file in the system's /tmp
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; these tests measure behaviour, not speed
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AdvisorApplication.class.getName());
        command.add("--server.port=0");
        command.add("--advisor.rules-dir=" + Path.of("rules").toAbsolutePath());
        command.add("--spring.main.banner-mode=off");
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int port = awaitPort(process, log, Duration.ofMinutes(3));
        return new ServerProcess(home, log, process, port);
    }

    private static int awaitPort(Process process, Path log, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = STARTED.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped at start:\n" + tail(log));
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the log, not waiting for an outcome
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start in " + timeout + ":\n" + tail(log));
    }

    String base() {
        return "http://localhost:" + port;
    }

    String console() throws IOException {
        return Files.readString(log);
    }

    /** Waits until the console shows {@code text}, or fails after {@code timeout}. */
    void awaitConsole(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!console().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console never showed \"" + text + "\":\n" + tail(log));
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** SIGTERM, as an orchestrator stops a container; returns the exit code. */
    int terminate(Duration timeout) throws Exception {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no console)";
        }
        String all = Files.readString(log);
        return all.length() > 4_000 ? all.substring(all.length() - 4_000) : all;
    }
}
