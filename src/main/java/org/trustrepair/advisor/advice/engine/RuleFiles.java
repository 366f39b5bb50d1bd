package org.trustrepair.advisor.advice.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one rule set, read whole and sorted by path, with a version that is a hash of their content. Read from a
 * folder on disk (what counsellors edit) or from the copy the jar carries.
 */
public final class RuleFiles {

    /** What belongs to a rule set; documentation files (README.md) do not change its version. */
    static boolean isRuleSetFile(String path) {
        String name = path.toLowerCase();
        return name.endsWith(".drl")
                || name.endsWith(".drl.csv")
                || name.endsWith(".drl.xls")
                || name.endsWith(".drl.xlsx")
                || name.endsWith(".yaml")
                || name.endsWith(".yml");
    }

    public record RuleFile(String path, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        public boolean isDrl() {
            return path.endsWith(".drl");
        }

        public boolean isDecisionTable() {
            return path.matches(".*\\.drl\\.(csv|xls|xlsx)$");
        }

        public boolean isYaml() {
            return path.endsWith(".yaml") || path.endsWith(".yml");
        }
    }

    private final String origin;
    private final List<RuleFile> files;
    private final String version;

    RuleFiles(String origin, List<RuleFile> files) {
        this.origin = origin;
        this.files = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
        this.version = hash(this.files);
    }

    public static RuleFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("rules folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (isRuleSetFile(rel) && !rel.startsWith(".")) {
                    files.add(new RuleFile(rel, Files.readAllBytes(p)));
                }
            }
            return new RuleFiles(dir.toAbsolutePath().normalize().toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + dir, e);
        }
    }

    /** The copy of {@code rules/} packaged on the classpath (under {@code rules/}). */
    public static RuleFiles fromClasspath() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(RuleFiles.class.getClassLoader());
            Resource root = resolver.getResource("classpath:rules/");
            String rootUrl = root.getURL().toString();
            List<RuleFile> files = new ArrayList<>();
            for (Resource r : resolver.getResources("classpath*:rules/**/*")) {
                if (!r.isReadable()) {
                    continue;
                }
                URL url = r.getURL();
                String s = url.toString();
                if (!s.startsWith(rootUrl)) {
                    continue;
                }
                String rel = s.substring(rootUrl.length());
                if (isRuleSetFile(rel)) {
                    try (InputStream in = r.getInputStream()) {
                        files.add(new RuleFile(rel, in.readAllBytes()));
                    }
                }
            }
            return new RuleFiles("classpath:rules", files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rules", e);
        }
    }

    public static RuleFiles of(String origin, List<RuleFile> files) {
        return new RuleFiles(origin, files);
    }

    public String origin() {
        return origin;
    }

    public List<RuleFile> files() {
        return files;
    }

    public String version() {
        return version;
    }

    private static String hash(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile f : files) {
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.content());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
