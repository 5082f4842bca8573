package dev.migrator.core.script;

/** What one direction of a revision runs: SQL statements from a file, or Java code. */
public sealed interface MigrationBody permits MigrationBody.Sql, MigrationBody.Java {

	/** The statements of a file's upgrade or downgrade section, in order. */
	record Sql(java.util.List<SqlStatement> statements) implements MigrationBody {

		public Sql {
			statements = java.util.List.copyOf(statements);
		}

	}

	/** A Java migration run in the given direction. */
	record Java(JavaMigration migration, Direction direction) implements MigrationBody {
	}

}
