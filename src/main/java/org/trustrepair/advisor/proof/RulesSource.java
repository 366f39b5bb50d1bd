package org.trustrepair.advisor.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a rule set for a diff comes from: a folder, or a git revision ({@code HEAD}, {@code HEAD~1}, a commit, a
 * branch), whose {@code rules/} folder is extracted into a temporary folder with {@code git archive}. A revision may
 * name another folder as {@code REV:path/to/rules}.
 *
 * @param folder the folder to read the rules from
 * @param label how a report names it: the folder as given, or "rules at HEAD~1"
 * @param temporary the temporary folder to delete when done, or null
 */
public record RulesSource(Path folder, String label, Path temporary) implements AutoCloseable {

    /** What git accepts as a revision here; anything else (an option, a shell word) is refused before git sees it. */
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./@{}~^-]*");

    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");

    /** Thrown when the argument is neither a folder nor a revision git knows. */
    public static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    public static RulesSource of(String argument) throws NotFound {
        Path asFolder = Path.of(argument);
        if (Files.isDirectory(asFolder)) {
            return new RulesSource(asFolder, argument, null);
        }
        String revision = argument;
        String path = "rules";
        int colon = argument.indexOf(':');
        if (colon > 0) {
            revision = argument.substring(0, colon);
            path = argument.substring(colon + 1).replaceAll("/+$", "");
        }
        if (!REVISION.matcher(revision).matches() || !FOLDER.matcher(path).matches() || path.contains("..")) {
            throw new NotFound("\"" + argument + "\" is neither a folder nor a git revision");
        }
        Run commit = run("git", "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (commit.code() != 0) {
            throw new NotFound("\"" + argument + "\" is neither a folder nor a revision git knows here");
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("advisor-diff-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sha = commit.out().strip();
        Run archive = run(
                "git", "archive", "--format=tar", "-o", tmp.resolve("rules.tar").toString(), sha, path);
        if (archive.code() != 0) {
            delete(tmp);
            throw new NotFound("revision " + revision + " has no folder " + path + ": "
                    + archive.err().strip());
        }
        Run untar = run("tar", "-x", "-f", tmp.resolve("rules.tar").toString(), "-C", tmp.toString());
        if (untar.code() != 0) {
            delete(tmp);
            throw new NotFound("cannot unpack " + path + " at " + revision + ": "
                    + untar.err().strip());
        }
        return new RulesSource(tmp.resolve(path), path + " at " + revision + " (" + sha.substring(0, 10) + ")", tmp);
    }

    @Override
    public void close() {
        if (temporary != null) {
            delete(temporary);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** What git (or tar) gave: its exit code, output and errors. */
    private record Run(int code, String out, String err) {}

    /** Runs git (or tar) without a shell, waiting at most a minute. */
    private static Run run(String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "", "timed out");
            }
            return new Run(
                    p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "", "interrupted");
        }
    }
}
