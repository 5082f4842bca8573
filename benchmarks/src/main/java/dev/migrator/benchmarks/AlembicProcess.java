package dev.migrator.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alembic's command line in a child process: {@code alembic upgrade head},
 * {@code alembic current}, {@code alembic
 * heads}, {@code alembic --version}.
 *
 * @param name how the tables name this variant
 * @param alembic the installation
 * @param transactionPerMigration one transaction per revision, as migrator, instead of
 * one for the whole upgrade
 * @param bytecode whether Python may cache the compiled revision files
 * ({@code __pycache__}); without it every run compiles every file, as with
 * {@code PYTHONDONTWRITEBYTECODE=1}, common in container images
 */
record AlembicProcess(String name, AlembicInstallation alembic, boolean transactionPerMigration,
		boolean bytecode) implements WholeProcessTool {

	@Override
	public List<String> empty() {
		return command(List.of("--version"));
	}

	@Override
	public List<String> upgrade(HistoryFiles files, BenchDatabase database) {
		return command(List.of("-c", project(files).ini().toString(), "-x", "url=" + database.sqlAlchemyUrl(), "-x",
				"transaction_per_migration=" + this.transactionPerMigration, "upgrade", "head"));
	}

	/**
	 * Alembic 1.8.1 has no {@code check}; {@code current} reads the version table and
	 * loads every revision file.
	 */
	@Override
	public List<String> check(HistoryFiles files, BenchDatabase database) {
		return command(
				List.of("-c", project(files).ini().toString(), "-x", "url=" + database.sqlAlchemyUrl(), "current"));
	}

	@Override
	public List<String> heads(HistoryFiles files) {
		return command(List.of("-c", project(files).ini().toString(), "heads"));
	}

	/** Each line is {@code id}, or {@code id (label)} for a labelled revision. */
	@Override
	public Set<String> headsIn(ProcessRun run) {
		Set<String> heads = new LinkedHashSet<>();
		run.lines().forEach((line) -> heads.add(line.strip().split("\\s+")[0]));
		return heads;
	}

	@Override
	public String versionTable() {
		return "alembic_version";
	}

	@Override
	public void adjust(Map<String, String> environment) {
		if (this.bytecode) {
			environment.remove("PYTHONDONTWRITEBYTECODE");
		}
		else {
			environment.put("PYTHONDONTWRITEBYTECODE", "1");
		}
	}

	private AlembicProject project(HistoryFiles files) {
		return this.bytecode ? files.alembic() : files.alembicWithoutBytecode();
	}

	private List<String> command(List<String> arguments) {
		List<String> command = new ArrayList<>(this.alembic.command());
		command.addAll(arguments);
		return command;
	}

}
