package org.trustrepair.advisor.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The case files named on the command line: files as given, folders read recursively in sorted order. Only
 * {@code *.json}, {@code *.jsonl} and {@code *.csv} are cases; hidden files and folders are skipped.
 */
public final class InputFiles {

    /** A path on the command line that cannot be read as cases. */
    public static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    private InputFiles() {}

    static boolean isCaseFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(); // a root path has no file name
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".csv");
    }

    public static List<Path> expand(List<Path> arguments) throws BadInput {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                files.addAll(walk(argument));
            } else if (Files.isRegularFile(argument)) {
                if (!isCaseFile(argument)) {
                    throw new BadInput(argument + " is not a case file: use *.json, *.jsonl or *.csv");
                }
                files.add(argument);
            } else {
                throw new BadInput(argument + " does not exist");
            }
        }
        return files;
    }

    private static List<Path> walk(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder.relativize(p)))
                    .filter(InputFiles::isCaseFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + folder, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // only for the progress bar; the reader reports the file itself
            }
        }
        return total;
    }
}
