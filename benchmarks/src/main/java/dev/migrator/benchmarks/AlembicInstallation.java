package dev.migrator.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Alembic is and which versions run. The command comes from the system property
 * {@code bench.alembic} or the environment variable {@code BENCH_ALEMBIC} (a command
 * line, e.g. {@code /opt/venv/bin/alembic}; the variable is what reaches the benchmark
 * through Maven), else it is the first of {@code alembic} on the PATH, Debian's
 * {@code /usr/bin/alembic} and Debian's {@code /usr/bin/python3 -m alembic} that answers
 * {@code --version}. Debian's interpreter is named explicitly because {@code python3} on
 * the PATH may be another one (a pyenv shim, a virtualenv) that lacks the Debian
 * packages.
 *
 * @param command the command that runs Alembic, before its arguments
 * @param python the interpreter that runs it
 * @param alembicVersion e.g. 1.8.1
 * @param sqlAlchemyVersion e.g. 1.4.46
 */
record AlembicInstallation(List<String> command, List<String> python, String alembicVersion, String sqlAlchemyVersion) {

	static final String INSTALL = "apt-get install -y python3-alembic python3-sqlalchemy python3-psycopg2";

	private static final Duration LIMIT = Duration.ofMinutes(1);

	private static final List<String> DEBIAN_PYTHON = List.of("/usr/bin/python3");

	static AlembicInstallation find() throws IOException, InterruptedException {
		String given = System.getProperty("bench.alembic", System.getenv("BENCH_ALEMBIC"));
		List<List<String>> candidates = new ArrayList<>();
		if (given != null && !given.isBlank()) {
			candidates.add(Arrays.asList(given.trim().split("\\s+")));
		}
		else {
			onPath("alembic").ifPresent((path) -> candidates.add(List.of(path.toString())));
			candidates.add(List.of("/usr/bin/alembic"));
			candidates.add(List.of("/usr/bin/python3", "-m", "alembic"));
		}
		for (List<String> candidate : candidates) {
			if (answers(candidate)) {
				return withVersions(candidate, interpreterOf(candidate));
			}
		}
		throw new IllegalStateException("Alembic was not found: none of " + candidates + " ran '--version'. Install"
				+ " it (Debian: " + INSTALL + "), or name the command with -Dbench.alembic=... or BENCH_ALEMBIC=...");
	}

	private static Optional<Path> onPath(String name) {
		String path = System.getenv("PATH");
		return (path == null) ? Optional.empty()
				: Arrays.stream(path.split(File.pathSeparator))
					.filter((folder) -> !folder.isEmpty())
					.map((folder) -> Path.of(folder, name))
					.filter(Files::isExecutable)
					.findFirst();
	}

	private static boolean answers(List<String> command) throws InterruptedException {
		try {
			List<String> version = new ArrayList<>(command);
			version.add("--version");
			ProcessRun run = ProcessRun.of(version, (environment) -> {
			}, LIMIT);
			return run.exitCode() == 0 && (run.stdout() + run.stderr()).contains("alembic");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * {@code python -m alembic} runs on that python; a script on the interpreter its
	 * {@code #!} line names.
	 */
	private static List<String> interpreterOf(List<String> command) throws IOException {
		if (command.size() >= 3 && command.get(1).equals("-m")) {
			return List.of(command.get(0));
		}
		Path script = Path.of(command.get(0));
		if (Files.isRegularFile(script)) {
			String first = Files.readAllLines(script).stream().findFirst().orElse("");
			if (first.startsWith("#!")) {
				return Arrays.asList(first.substring(2).trim().split("\\s+"));
			}
		}
		return DEBIAN_PYTHON;
	}

	private static AlembicInstallation withVersions(List<String> command, List<String> python)
			throws IOException, InterruptedException {
		List<String> query = new ArrayList<>(python);
		query.addAll(List.of("-c", "import alembic, sqlalchemy, psycopg2; print(alembic.__version__);"
				+ " print(sqlalchemy.__version__)"));
		ProcessRun run = ProcessRun.of(query, (Map<String, String> environment) -> {
		}, LIMIT);
		if (run.exitCode() != 0 || run.lines().size() < 2) {
			throw new IllegalStateException("Alembic runs as " + command + ", but " + python + " cannot import alembic,"
					+ " sqlalchemy and psycopg2 (" + run.stderr().strip() + "). Install them (Debian: " + INSTALL
					+ ").");
		}
		return new AlembicInstallation(List.copyOf(command), List.copyOf(python), run.lines().get(0),
				run.lines().get(1));
	}

}
