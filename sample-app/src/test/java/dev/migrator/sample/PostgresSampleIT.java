package dev.migrator.sample;

import dev.migrator.testsupport.TestPostgres;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The sample app on PostgreSQL through its {@code postgres} profile and the standard
 * {@code spring.datasource.*} properties. The database starts in the middle of the name
 * split: users written by the version before it, the new columns added and backfilled,
 * and one more user written since by an instance of the old version. Then the web app of
 * the new release starts, the job migrates beside it, and the checks of
 * {@link WebAppMigrationScenario} follow, plus what PostgreSQL itself now says about the
 * schema and the data.
 */
class PostgresSampleIT extends WebAppMigrationScenario {

	private PostgresDatabase database;

	@Override
	void prepareDatabase() throws Exception {
		this.database = new PostgresDatabase(TestPostgres.shared());
		ProcessRun initial = this.sampleJar.run(jobArguments("--migrator.job.target=" + Revisions.FIRST));
		assertThat(initial.exitCode()).as("the job up to the initial revision; its output:%n%s", initial.output())
			.isZero();
		this.database.execute("INSERT INTO users (full_name, email) VALUES ('Ada Lovelace', 'ada@example.com'), "
				+ "('Plato', 'plato@example.com')");
		this.database.execute("INSERT INTO orders (user_id, total_cents) VALUES (1, 1250), (2, 990)");
		ProcessRun expand = this.sampleJar.run(jobArguments("--migrator.job.target=0003_split_name_backfill"));
		assertThat(expand.exitCode()).as("the job up to the backfill; its output:%n%s", expand.output()).isZero();
		// An instance of the old version still runs, and writes full_name only.
		this.database
			.execute("INSERT INTO users (full_name, email) VALUES ('Alan Mathison Turing', 'alan@example.com')");
	}

	@Override
	Database database() {
		return this.database;
	}

	@Override
	String[] webAppArguments() {
		return Stream
			.concat(Stream.of("--spring.profiles.active=postgres"), Stream.of(this.database.dataSourceArguments()))
			.toArray(String[]::new);
	}

	@Override
	String[] jobArguments() {
		return jobArguments(new String[0]);
	}

	private String[] jobArguments(String... extra) {
		return Stream
			.of(Stream.of("--spring.profiles.active=migrate,postgres"), Stream.of(this.database.dataSourceArguments()),
					Stream.of(extra))
			.flatMap((arguments) -> arguments)
			.toArray(String[]::new);
	}

	@Override
	String dialect() {
		return "postgresql";
	}

	@Override
	String revisionAtStart() {
		return "0003_split_name_backfill";
	}

	@Override
	List<String> nonTransactionalRevisions() {
		return List.of("0005_orders_user_index", "0008_split_name_not_null");
	}

	@Override
	List<String> secrets() {
		return List.of(this.database.password(), this.database.url());
	}

	@Test
	void theStatusIsAnEnumTypeWithAColumnDefault() {
		assertThat(this.database.rows("SELECT enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
				+ "WHERE t.typname = 'user_status' ORDER BY e.enumsortorder"))
			.containsExactly("active", "suspended");
		assertThat(this.database.rows("SELECT udt_name, is_nullable, column_default FROM information_schema.columns "
				+ "WHERE table_name = 'users' AND column_name = 'status'"))
			.containsExactly("user_status|NO|'active'::user_status");
	}

	@Test
	void theConcurrentlyBuiltIndexIsValid() {
		HttpAnswer revision = this.app.get("/actuator/migrator/0005_orders_user_index");
		assertThat((Boolean) revision.json("$.transactional")).as("runs outside a transaction, as CONCURRENTLY must")
			.isFalse();
		assertThat(this.database.rows("SELECT i.indisvalid, i.indisready FROM pg_index i "
				+ "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_orders_user_id'"))
			.containsExactly("t|t");
	}

	@Test
	void theForeignKeyAddedNotValidIsValidatedAndEnforced() {
		assertThat(this.database.rows("SELECT contype, convalidated FROM pg_constraint "
				+ "WHERE conname = 'fk_orders_user_id_users' AND conrelid = 'orders'::regclass"))
			.containsExactly("f|t");
		assertThat(this.app.post("/orders", "{\"userId\":424242,\"totalCents\":1}").status()).isEqualTo(409);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.database.execute("INSERT INTO orders (user_id, total_cents) VALUES (424242, 1)"))
			.withMessageContaining("fk_orders_user_id_users");
	}

	@Test
	void theNameIsSplitIntoRequiredColumnsAndTheOldColumnIsGone() {
		assertThat(this.database.rows("SELECT column_name, is_nullable FROM information_schema.columns "
				+ "WHERE table_name = 'users' AND column_name IN ('first_name', 'last_name', 'full_name') "
				+ "ORDER BY column_name"))
			.containsExactly("first_name|NO", "last_name|NO");
		// The CHECK constraints that let SET NOT NULL skip its scan were only
		// scaffolding.
		assertThat(this.database
			.rows("SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass " + "AND contype = 'c'"))
			.isEmpty();
	}

	@Test
	void usersWrittenByTheOldVersionGetTheirNamesSplitAndKeepTheirOrders() {
		// Ada and Plato were filled by the backfill of 0003, Alan, written after it ran,
		// by the contract revision.
		assertThat(this.database.rows("SELECT first_name, last_name, status FROM users WHERE email IN "
				+ "('ada@example.com', 'plato@example.com', 'alan@example.com') ORDER BY id"))
			.containsExactly("Ada|Lovelace|active", "Plato||active", "Alan|Mathison Turing|active");
		HttpAnswer ada = this.app.get("/users/1");
		assertThat((String) ada.json("$.firstName")).isEqualTo("Ada");
		assertThat((String) ada.json("$.lastName")).isEqualTo("Lovelace");
		assertThat(this.app.get("/users/1/orders").strings("$[*].totalCents")).containsExactly("1250");
	}

}
