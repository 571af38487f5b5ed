package com.finance.analytics.refresh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.finance.analytics.TestFixtures;

/**
 * Builds and publishes snapshots with the real dbt project through the data engineer's
 * publisher CLI.
 */
final class SnapshotBuilds {

	private SnapshotBuilds() {
	}

	/**
	 * Runs {@code dbt build} on the local source file, publishes the result and returns
	 * its id.
	 */
	static String publish(Path snapshotsDir, Path sourceFile, Path dbtProject)
			throws IOException, InterruptedException {
		RefreshFixtures.runPythonModule(Duration.ofMinutes(5), "analytics_orchestration.snapshot", "build", "--target",
				"local", "--snapshots-dir", snapshotsDir.toString(), "--source-file", sourceFile.toString(),
				"--project-dir", dbtProject.toString());
		return currentId(snapshotsDir);
	}

	static String currentId(Path snapshotsDir) throws IOException {
		return Files.readString(snapshotsDir.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
	}

	/**
	 * A copy of the repository's dbt project without its build output, to change models
	 * in.
	 */
	static Path copyDbtProject(Path into) throws IOException {
		Path source = TestFixtures.repoRoot().resolve("dbt");
		try (var tree = Files.walk(source)) {
			for (Path path : tree.toList()) {
				Path relative = source.relativize(path);
				if (!relative.toString().isEmpty()
						&& List.of("target", "logs", "dbt_packages").contains(relative.getName(0).toString())) {
					continue;
				}
				Path target = into.resolve(relative.toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
		return into;
	}

}
