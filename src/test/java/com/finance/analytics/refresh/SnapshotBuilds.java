package com.finance.analytics.refresh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.finance.analytics.TestFixtures;

/** Builds and publishes snapshots with the real dbt project through the data engineer's publisher CLI. */
final class SnapshotBuilds {

    static final Path PYTHON = TestFixtures.repoRoot().resolve(".venv/bin/python");

    private SnapshotBuilds() {
    }

    /** Runs {@code dbt build} on the local source file, publishes the result and returns its id. */
    static String publish(Path snapshotsDir, Path sourceFile, Path dbtProject) throws IOException, InterruptedException {
        Path log = Files.createTempFile("snapshot-build", ".log");
        Process build = new ProcessBuilder(List.of(PYTHON.toString(), "-m", "analytics_orchestration.snapshot",
                "build", "--target", "local", "--snapshots-dir", snapshotsDir.toString(),
                "--source-file", sourceFile.toString(), "--project-dir", dbtProject.toString()))
                .directory(TestFixtures.repoRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("snapshot build failed:\n" + Files.readString(log));
        }
        Files.delete(log);
        return currentId(snapshotsDir);
    }

    static String currentId(Path snapshotsDir) throws IOException {
        return Files.readString(snapshotsDir.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
    }

    /** A copy of the repository's dbt project without its build output, to change models in. */
    static Path copyDbtProject(Path into) throws IOException {
        Path source = TestFixtures.repoRoot().resolve("dbt");
        try (var tree = Files.walk(source)) {
            for (Path path : tree.toList()) {
                Path relative = source.relativize(path);
                if (!relative.toString().isEmpty() && List.of("target", "logs", "dbt_packages")
                        .contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = into.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return into;
    }
}
