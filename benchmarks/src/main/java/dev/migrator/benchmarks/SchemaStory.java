package dev.migrator.benchmarks;

import dev.migrator.core.script.Backfill;
import dev.migrator.core.op.CreateIndex;
import dev.migrator.core.op.ForeignKeyConstraint;
import dev.migrator.core.script.Direction;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.Phase;
import dev.migrator.core.script.Revision;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import static dev.migrator.core.op.Column.of;
import static dev.migrator.core.op.ColumnType.bigint;
import static dev.migrator.core.op.ColumnType.text;

/**
 * The schema changes the zero-downtime benchmark applies to a busy {@code accounts}
 * table, each told twice: as the plain SQL a Flyway migration would hold, and as migrator
 * revisions that use the safe operations and, for the type change, expand / backfill /
 * contract.
 */
final class SchemaStory {

	static final int OWNERS = 10_000;

	private SchemaStory() {
	}

	/**
	 * One change of the story: the naive SQL (one Flyway version), and the migrator
	 * revisions that make the same change, with the backfill to run after them when there
	 * is one.
	 */
	record Step(String name, String naiveSql, List<Revision> revisions, Optional<String> backfill) {

		String lastRevision() {
			return this.revisions.get(this.revisions.size() - 1).id();
		}

	}

	static List<Step> steps() {
		return steps(Optional.empty());
	}

	/**
	 * The story, with the type change's backfill aiming its batches at
	 * {@code backfillTarget} when given.
	 */
	static List<Step> steps(Optional<Duration> backfillTarget) {
		List<Step> steps = new ArrayList<>();
		steps.add(new Step("add a column with a default",
				"ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT 'active';",
				List.of(java("0001_status", null, Phase.EXPAND, true,
						(c) -> c.op()
							.safe()
							.addColumn("accounts", of("status", text()).notNull().defaultValue("active")))),
				Optional.empty()));
		steps.add(new Step("build an index", "CREATE INDEX accounts_owner_id_idx ON accounts (owner_id);", List
			.of(java("0002_owner_index", "0001_status", Phase.EXPAND, false, (c) -> c.op()
				.createIndex(CreateIndex.on("accounts", "owner_id").named("accounts_owner_id_idx").concurrently()))),
				Optional.empty()));
		steps.add(new Step("add a foreign key",
				"ALTER TABLE accounts ADD CONSTRAINT accounts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES owners (id);",
				List.of(java("0003_owner_fk", "0002_owner_index", Phase.EXPAND, true, (c) -> c.op()
					.safe()
					.addForeignKey("accounts",
							ForeignKeyConstraint.of("owner_id", "owners", "id").named("accounts_owner_id_fkey")))),
				Optional.empty()));
		steps.add(new Step("set a column NOT NULL", "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;",
				List.of(java("0004_email_not_null", "0003_owner_fk", Phase.EXPAND, true,
						(c) -> c.op().addNotNull("accounts", "email"))),
				Optional.empty()));
		steps.add(new Step("change a column's type (integer to bigint)",
				"ALTER TABLE accounts ALTER COLUMN amount TYPE bigint;", amountToBigint(backfillTarget),
				Optional.of("accounts_amount_big")));
		return List.copyOf(steps);
	}

	/**
	 * Expand: a new column kept equal to the old one by a trigger for every row written
	 * from now on. Migrate: a keyset backfill copies the rows written before. Contract:
	 * one short transaction swaps the columns.
	 */
	private static List<Revision> amountToBigint(Optional<Duration> backfillTarget) {
		Revision expand = java("0005_amount_expand", "0004_email_not_null", Phase.EXPAND, true, (c) -> {
			c.op().addColumn("accounts", of("amount_big", bigint()));
			c.op()
				.execute("CREATE FUNCTION accounts_amount_sync() RETURNS trigger LANGUAGE plpgsql AS "
						+ "$$ BEGIN NEW.amount_big := NEW.amount; RETURN NEW; END $$");
			c.op()
				.execute("CREATE TRIGGER accounts_amount_sync BEFORE INSERT OR UPDATE OF amount ON accounts "
						+ "FOR EACH ROW EXECUTE FUNCTION accounts_amount_sync()");
		});
		Backfill.Builder copy = Backfill.builder("accounts_amount_big")
			.table("accounts")
			.key("id")
			.set("amount_big = amount")
			.where("amount_big IS NULL");
		backfillTarget.ifPresent(copy::targetDuration);
		Revision backfill = Revision.builder("0006_amount_backfill")
			.revises("0005_amount_expand")
			.phase(Phase.MIGRATE)
			.backfill(copy.build())
			.build();
		Revision contract = java("0007_amount_contract", "0006_amount_backfill", Phase.CONTRACT, true, (c) -> {
			c.op().execute("DROP TRIGGER accounts_amount_sync ON accounts");
			c.op().execute("DROP FUNCTION accounts_amount_sync()");
			c.op().dropColumn("accounts", "amount");
			c.op().renameColumn("accounts", "amount_big", "amount");
		});
		return List.of(expand, backfill, contract);
	}

	private static Revision java(String id, String parent, Phase phase, boolean transactional,
			JavaMigration migration) {
		Revision.Builder builder = Revision.builder(id)
			.phase(phase)
			.transactional(transactional)
			.upgrade(new MigrationBody.Java(migration, Direction.UPGRADE));
		return ((parent != null) ? builder.revises(parent) : builder).build();
	}

	/** Every revision of the story, in order. */
	static List<Revision> revisions(Optional<Duration> backfillTarget) {
		return steps(backfillTarget).stream().flatMap((step) -> step.revisions().stream()).toList();
	}

	/**
	 * {@code owners} and {@code rows} accounts, each account with an owner, an email and
	 * an amount.
	 */
	static void seed(DataSource dataSource, long rows) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE owners (id bigint PRIMARY KEY, name text NOT NULL)");
			statement.execute("INSERT INTO owners SELECT g, 'owner ' || g FROM generate_series(1, " + OWNERS + ") g");
			statement.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, owner_id bigint, email text, "
					+ "amount integer NOT NULL, payload text)");
			statement.execute("INSERT INTO accounts SELECT g, 1 + g % " + OWNERS + ", 'user' || g || '@example.com', "
					+ "g % 1000, 'row ' || g FROM generate_series(1, " + rows + ") g");
			statement.execute("VACUUM ANALYZE owners, accounts");
			statement.execute("CHECKPOINT");
		}
	}

	static long sumOfAmounts(DataSource dataSource) throws SQLException {
		return single(dataSource, "SELECT sum(amount) FROM accounts");
	}

	/**
	 * Checks that the story's end state is there, whichever way it was reached: every
	 * change made, every constraint valid, and no write lost (the sum of {@code amount}
	 * is what the seed and the counted writes make it).
	 */
	static void verify(DataSource dataSource, String approach, long expectedSum) throws SQLException {
		expect(approach, "amount's type", "bigint", queryText(dataSource,
				"SELECT data_type FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'amount'"));
		expect(approach, "email NOT NULL", "NO", queryText(dataSource,
				"SELECT is_nullable FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'email'"));
		expect(approach, "status default", "'active'::text", queryText(dataSource, "SELECT column_default FROM "
				+ "information_schema.columns WHERE table_name = 'accounts' AND column_name = 'status'"));
		expect(approach, "valid index", "true", queryText(dataSource,
				"SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_owner_id_idx'::regclass"));
		expect(approach, "valid foreign key", "true", queryText(dataSource,
				"SELECT convalidated::text FROM pg_constraint WHERE conname = 'accounts_owner_id_fkey'"));
		expect(approach, "helper checks left", "0", queryText(dataSource,
				"SELECT count(*)::text FROM pg_constraint WHERE conrelid = 'accounts'::regclass AND contype = 'c'"));
		expect(approach, "sum of amount", String.valueOf(expectedSum), String.valueOf(sumOfAmounts(dataSource)));
	}

	private static void expect(String approach, String what, String expected, String actual) {
		if (!expected.equals(actual)) {
			throw new IllegalStateException(approach + ": " + what + " is " + actual + ", expected " + expected);
		}
	}

	private static long single(DataSource dataSource, String sql) throws SQLException {
		return Long.parseLong(queryText(dataSource, sql));
	}

	private static String queryText(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? String.valueOf(rs.getString(1)) : "(none)";
		}
	}

}
