package dev.migrator.benchmarks;

import dev.migrator.core.script.Direction;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The blocker scenario of the zero-downtime benchmark: three changes whose statements
 * each need ACCESS EXCLUSIVE on the busy {@code accounts} table for an instant, the kind
 * a lock queue forms behind while a report keeps a read transaction open. The same SQL
 * runs as a Flyway migration and as migrator revisions, so that only the way each waits
 * for its lock differs.
 */
final class BlockerStory {

	private static final String ADD_STATUS = "ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT 'active'";

	private static final List<String> EXPAND = List.of("ALTER TABLE accounts ADD COLUMN email_domain text",
			"CREATE FUNCTION accounts_email_domain() RETURNS trigger LANGUAGE plpgsql AS "
					+ "$$ BEGIN NEW.email_domain := split_part(NEW.email, '@', 2); RETURN NEW; END $$",
			"CREATE TRIGGER accounts_email_domain BEFORE INSERT OR UPDATE OF email ON accounts "
					+ "FOR EACH ROW EXECUTE FUNCTION accounts_email_domain()");

	private static final List<String> CONTRACT = List.of("DROP TRIGGER accounts_email_domain ON accounts",
			"DROP FUNCTION accounts_email_domain()", "ALTER TABLE accounts DROP COLUMN status");

	private BlockerStory() {
	}

	static List<SchemaStory.Step> steps() {
		return List.of(
				new SchemaStory.Step("add a column with a default", ADD_STATUS + ";",
						List.of(revision("b001_status", null, List.of(ADD_STATUS))), Optional.empty()),
				new SchemaStory.Step("expand: a column and the trigger that fills it", String.join(";\n", EXPAND) + ";",
						List.of(revision("b002_expand", "b001_status", EXPAND)), Optional.empty()),
				new SchemaStory.Step("contract: drop the trigger and a column", String.join(";\n", CONTRACT) + ";",
						List.of(revision("b003_contract", "b002_expand", CONTRACT)), Optional.empty()));
	}

	static List<Revision> revisions() {
		return steps().stream().flatMap((step) -> step.revisions().stream()).toList();
	}

	private static Revision revision(String id, String parent, List<String> statements) {
		JavaMigration migration = (c) -> statements.forEach((sql) -> c.op().execute(sql));
		Revision.Builder builder = Revision.builder(id)
			.phase(Phase.EXPAND)
			.upgrade(new MigrationBody.Java(migration, Direction.UPGRADE));
		return ((parent != null) ? builder.revises(parent) : builder).build();
	}

	/**
	 * Checks the end state: the expand's column there, the contract's trigger and column
	 * gone, and no write lost.
	 */
	static void verify(DataSource dataSource, String approach, long expectedSum) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT string_agg(column_name, ',' ORDER BY column_name) "
					+ "FROM information_schema.columns WHERE table_name = 'accounts' "
					+ "AND column_name IN ('status', 'email_domain')")) {
				rs.next();
				expect(approach, "columns", "email_domain", rs.getString(1));
			}
			try (ResultSet rs = statement
				.executeQuery("SELECT count(*) FROM pg_trigger WHERE tgname = 'accounts_email_domain'")) {
				rs.next();
				expect(approach, "triggers left", "0", rs.getString(1));
			}
		}
		expect(approach, "sum of amount", String.valueOf(expectedSum),
				String.valueOf(SchemaStory.sumOfAmounts(dataSource)));
	}

	private static void expect(String approach, String what, String expected, String actual) {
		if (!expected.equals(actual)) {
			throw new IllegalStateException(approach + ": " + what + " is " + actual + ", expected " + expected);
		}
	}

}
