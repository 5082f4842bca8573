package dev.migrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark history written twice: as migrator SQL revision files and as an Alembic
 * project, with the same ids, the same parents and the same SQL. The Alembic project is
 * written twice more: once per Alembic variant that needs a folder of its own (one that
 * never holds compiled bytecode).
 *
 * @param migrator the folder of migrator SQL revision files
 * @param alembic the Alembic project
 * @param alembicWithoutBytecode a copy of the Alembic project that Python never writes
 * bytecode into
 * @param head the one head of a linear history, else {@code null}
 */
record HistoryFiles(Path migrator, AlembicProject alembic, AlembicProject alembicWithoutBytecode, String head) {

	/**
	 * {@link OneStatementHistory}: a linear history of one-statement revisions
	 * {@code r00001} …
	 */
	static HistoryFiles oneStatement(int size, Path folder) throws IOException {
		OneStatementHistory history = OneStatementHistory.of(size);
		Path migrator = folder.resolve("migrator");
		history.writeMigrator(migrator);
		AlembicProject alembic = AlembicProject.create(folder.resolve("alembic"));
		AlembicProject uncached = AlembicProject.create(folder.resolve("alembic-without-bytecode"));
		for (int i = 1; i <= size; i++) {
			List<String> down = (i > 1) ? List.of(OneStatementHistory.id(i - 1)) : List.of();
			AlembicProject.Revision revision = new AlembicProject.Revision(OneStatementHistory.id(i), down, List.of(),
					null, history.statement(i), null);
			alembic.add(revision);
			uncached.add(revision);
		}
		return new HistoryFiles(migrator, alembic, uncached, OneStatementHistory.id(size));
	}

	/**
	 * {@link GeneratedHistory}: branches, merges, a labelled side branch and dependencies
	 * on it.
	 */
	static HistoryFiles generated(int size, Path folder) throws IOException {
		Path migrator = folder.resolve("migrator");
		Files.createDirectories(migrator);
		AlembicProject alembic = AlembicProject.create(folder.resolve("alembic"));
		AlembicProject uncached = AlembicProject.create(folder.resolve("alembic-without-bytecode"));
		for (GeneratedHistory.Header header : GeneratedHistory.of(size)) {
			Files.writeString(migrator.resolve(header.id() + ".sql"), header.migratorFile());
			AlembicProject.Revision revision = new AlembicProject.Revision(header.id(), header.revises(),
					header.dependsOn(), header.branchLabel(), header.upgradeSql(), header.downgradeSql());
			alembic.add(revision);
			uncached.add(revision);
		}
		return new HistoryFiles(migrator, alembic, uncached, null);
	}

}
