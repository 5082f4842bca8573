package dev.migrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear history of one-statement revisions (create table, add column, create index, in
 * turn), written out once in each tool's own format so that every tool applies exactly
 * the same SQL in the same order.
 */
final class OneStatementHistory {

	private final List<String> statements;

	private OneStatementHistory(List<String> statements) {
		this.statements = statements;
	}

	/**
	 * Revision i (from 1) creates a table, adds a column to the table before it, or
	 * indexes that column.
	 */
	static OneStatementHistory of(int size) {
		List<String> statements = new ArrayList<>(size);
		for (int i = 1; i <= size; i++) {
			statements.add(switch (i % 3) {
				case 1 -> "CREATE TABLE t_" + i + " (id integer PRIMARY KEY)";
				case 2 -> "ALTER TABLE t_" + (i - 1) + " ADD COLUMN c_" + i + " text";
				default -> "CREATE INDEX ix_" + i + " ON t_" + (i - 2) + " (c_" + (i - 1) + ")";
			});
		}
		return new OneStatementHistory(statements);
	}

	int size() {
		return this.statements.size();
	}

	/** The statement of revision i (from 1), without its semicolon. */
	String statement(int i) {
		return this.statements.get(i - 1);
	}

	/** One migrator SQL revision file per statement, each revising the one before. */
	void writeMigrator(Path folder) throws IOException {
		Files.createDirectories(folder);
		for (int i = 1; i <= size(); i++) {
			StringBuilder file = new StringBuilder("-- migrator:revision ").append(id(i)).append('\n');
			if (i > 1) {
				file.append("-- migrator:revises ").append(id(i - 1)).append('\n');
			}
			file.append("-- migrator:upgrade\n").append(this.statements.get(i - 1)).append(";\n");
			Files.writeString(folder.resolve(id(i) + ".sql"), file);
		}
	}

	/** One Flyway versioned migration per statement: {@code V1__r00001.sql} and so on. */
	void writeFlyway(Path folder) throws IOException {
		Files.createDirectories(folder);
		for (int i = 1; i <= size(); i++) {
			Files.writeString(folder.resolve("V" + i + "__" + id(i) + ".sql"), this.statements.get(i - 1) + ";\n");
		}
	}

	/** One Liquibase formatted SQL changelog with one change set per statement. */
	void writeLiquibase(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
		for (int i = 1; i <= size(); i++) {
			changelog.append("\n--changeset bench:")
				.append(i)
				.append('\n')
				.append(this.statements.get(i - 1))
				.append(";\n");
		}
		Files.writeString(file, changelog);
	}

	/** The id of revision i (from 1): {@code r00001} and so on. */
	static String id(int i) {
		return String.format("r%05d", i);
	}

}
