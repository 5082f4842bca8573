package dev.migrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark history written twice: as migrator SQL revision files and as an Alembic project, with the same ids,
 * the same parents and the same SQL. The Alembic project is written twice more: once per Alembic variant that needs a
 * folder of its own (one that never holds compiled bytecode).
 *
 * @param migrator the folder of migrator SQL revision files
 * @param alembic the Alembic project
 * @param alembicWithoutBytecode a copy of the Alembic project that Python never writes bytecode into
 * @param head the one head of a linear history, else {@code null}
 */
record HistoryFiles(Path migrator, AlembicProject alembic, AlembicProject alembicWithoutBytecode, String head) {

	/** {@link OneStatementHistory}: a linear history of one-statement revisions {@code r00001} … */
	static HistoryFiles oneStatement(int size, Path folder) throws IOException {
		OneStatementHistory history = OneStatementHistory.of(size);
		Path migrator = folder.resolve("migrator");
		history.writeMigrator(migrator);
		List<String> statements = statementsOf(history, folder.resolve("statements"));
		AlembicProject alembic = AlembicProject.create(folder.resolve("alembic"));
		AlembicProject uncached = AlembicProject.create(folder.resolve("alembic-without-bytecode"));
		for (int i = 1; i <= size; i++) {
			List<String> down = (i > 1) ? List.of(id(i - 1)) : List.of();
			AlembicProject.Revision revision = new AlembicProject.Revision(id(i), down, List.of(), null,
					statements.get(i - 1), null);
			alembic.add(revision);
			uncached.add(revision);
		}
		return new HistoryFiles(migrator, alembic, uncached, id(size));
	}

	/** {@link GeneratedHistory}: branches, merges, a labelled side branch and dependencies on it. */
	static HistoryFiles generated(int size, Path folder) throws IOException {
		Path migrator = folder.resolve("migrator");
		Files.createDirectories(migrator);
		AlembicProject alembic = AlembicProject.create(folder.resolve("alembic"));
		AlembicProject uncached = AlembicProject.create(folder.resolve("alembic-without-bytecode"));
		for (GeneratedHistory.Header header : GeneratedHistory.of(size)) {
			Files.writeString(migrator.resolve(header.id() + ".sql"), migratorFile(header));
			AlembicProject.Revision revision = new AlembicProject.Revision(header.id(), header.revises(),
					header.dependsOn(), header.branchLabel(), "CREATE TABLE t_" + header.id() + " (id integer)",
					"DROP TABLE t_" + header.id());
			alembic.add(revision);
			uncached.add(revision);
		}
		return new HistoryFiles(migrator, alembic, uncached, null);
	}

	/**
	 * The statements of the history, in order. OneStatementHistory keeps them to itself; its Flyway files hold exactly
	 * one statement each, so they are read back from there rather than generated a second time here.
	 */
	private static List<String> statementsOf(OneStatementHistory history, Path scratch) throws IOException {
		history.writeFlyway(scratch);
		List<String> statements = new ArrayList<>(history.size());
		for (int i = 1; i <= history.size(); i++) {
			Path file = scratch.resolve("V" + i + "__" + id(i) + ".sql");
			String statement = Files.readString(file).strip();
			statements.add(statement.substring(0, statement.length() - 1));
			Files.delete(file);
		}
		Files.delete(scratch);
		return statements;
	}

	// The same as GraphBenchmark's SQL files of the generated history.
	private static String migratorFile(GeneratedHistory.Header header) {
		StringBuilder file = new StringBuilder("-- migrator:revision ").append(header.id()).append('\n');
		if (!header.revises().isEmpty()) {
			file.append("-- migrator:revises ").append(String.join(", ", header.revises())).append('\n');
		}
		if (!header.dependsOn().isEmpty()) {
			file.append("-- migrator:depends-on ").append(String.join(", ", header.dependsOn())).append('\n');
		}
		if (header.branchLabel() != null) {
			file.append("-- migrator:branch-labels ").append(header.branchLabel()).append('\n');
		}
		file.append("-- migrator:upgrade\nCREATE TABLE t_").append(header.id()).append(" (id integer);\n");
		file.append("-- migrator:downgrade\nDROP TABLE t_").append(header.id()).append(";\n");
		return file.toString();
	}

	private static String id(int i) {
		return String.format("r%05d", i);
	}

}
