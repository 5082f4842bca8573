package dev.migrator.core.lint;

import java.util.List;
import java.util.Optional;

/**
 * What a SQL statement does, as far as the lint rules care; everything else is
 * {@link Other}.
 */
sealed interface ClassifiedStatement {

	/**
	 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table (...)}.
	 *
	 * @param name the index's name; empty when PostgreSQL chooses it
	 * @param columns the plain columns it indexes (expressions are left out)
	 * @param only whether {@code ON ONLY} keeps it from recursing to a partitioned
	 * table's partitions
	 */
	record CreateIndex(String table, boolean unique, boolean concurrently, Optional<String> name, List<String> columns,
			boolean only) implements ClassifiedStatement {

		public CreateIndex {
			columns = List.copyOf(columns);
		}

	}

	/** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] a, b}. */
	record DropIndex(boolean concurrently, List<String> indexes) implements ClassifiedStatement {

		public DropIndex {
			indexes = List.copyOf(indexes);
		}

	}

	/** {@code REINDEX [CONCURRENTLY] INDEX|TABLE|... name}. */
	record Reindex(String target, boolean concurrently) implements ClassifiedStatement {
	}

	/**
	 * {@code CREATE TABLE}, with the columns whose types could be read.
	 *
	 * @param checkedColumns the columns its CHECK constraints name
	 * @param partitioned whether it is {@code PARTITION BY}: a parent whose rows live in
	 * its partitions
	 */
	record CreateTable(String table, boolean ifNotExists, List<ColumnDefinition> columns, List<String> checkedColumns,
			boolean partitioned) implements ClassifiedStatement {

		public CreateTable {
			columns = List.copyOf(columns);
			checkedColumns = List.copyOf(checkedColumns);
		}

	}

	/** {@code ALTER TABLE table action, action, ...}. */
	record AlterTable(String table, List<TableAction> actions) implements ClassifiedStatement {

		public AlterTable {
			actions = List.copyOf(actions);
		}

	}

	/** {@code DROP TABLE a, b}. */
	record DropTable(List<String> tables) implements ClassifiedStatement {

		public DropTable {
			tables = List.copyOf(tables);
		}

	}

	/**
	 * {@code UPDATE} or {@code DELETE}, and whether it has a {@code WHERE} of its own.
	 */
	record DataChange(String command, String table, boolean where) implements ClassifiedStatement {
	}

	/** {@code VACUUM FULL} or {@code CLUSTER}; the table is empty when none is named. */
	record RewriteCommand(String command, String table) implements ClassifiedStatement {
	}

	/** {@code LOCK [TABLE] a, b}. */
	record LockTable(List<String> tables) implements ClassifiedStatement {

		public LockTable {
			tables = List.copyOf(tables);
		}

	}

	/** {@code TRUNCATE [TABLE] a, b ... [CASCADE]}. */
	record Truncate(List<String> tables, boolean cascade) implements ClassifiedStatement {

		public Truncate {
			tables = List.copyOf(tables);
		}

	}

	/** {@code DROP DATABASE name}. */
	record DropDatabase(String name) implements ClassifiedStatement {
	}

	/** {@code DROP SCHEMA a, b}. */
	record DropSchema(List<String> schemas) implements ClassifiedStatement {

		public DropSchema {
			schemas = List.copyOf(schemas);
		}

	}

	/** {@code ALTER SCHEMA from RENAME TO to}. */
	record RenameSchema(String from, String to) implements ClassifiedStatement {
	}

	/** {@code ALTER TYPE type RENAME VALUE 'from' TO 'to'}. */
	record RenameEnumValue(String type, String from, String to) implements ClassifiedStatement {
	}

	/** {@code ALTER DOMAIN domain ADD [CONSTRAINT name] CHECK (...) [NOT VALID]}. */
	record AddDomainConstraint(String domain, boolean notValid) implements ClassifiedStatement {
	}

	/**
	 * A statement that opens, ends or marks a transaction: {@code BEGIN}, {@code COMMIT},
	 * {@code ROLLBACK}, {@code SAVEPOINT} and their kin.
	 */
	record TransactionControl(String command) implements ClassifiedStatement {
	}

	/** Anything the rules do not look at. */
	record Other() implements ClassifiedStatement {
	}

	/** A column of {@code CREATE TABLE}. */
	record ColumnDefinition(String name, SqlType type) {
	}

}
