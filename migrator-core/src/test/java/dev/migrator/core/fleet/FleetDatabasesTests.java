package dev.migrator.core.fleet;

import dev.migrator.core.Migrator;
import dev.migrator.core.command.MigrationStatus;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.report.FleetRunText;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.core.sql.JdbcUrlRedaction;
import dev.migrator.testsupport.TestDataSources;
import dev.migrator.testsupport.TestPostgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fleet of databases on real PostgreSQL ({@code migrator.fleet.databases}): each tenant
 * database gets the revisions and its own state tables, the main database only the run
 * table; an unreachable database fails alone and counts against the budget; a password in
 * a URL reaches no message, log line or row.
 */
class FleetDatabasesTests {

	private static final String SECRET = "s3cr3t-in-url";

	private static final String QUERY = "SELECT url FROM tenant_databases ORDER BY position";

	@TempDir
	Path temp;

	private final TestPostgres server = TestPostgres.shared();

	private FleetDatabase main;

	private String location;

	@BeforeEach
	void setUp() {
		this.main = new FleetDatabase(TestDataSources.freshPostgres(this.server));
		this.main.execute("CREATE TABLE tenant_databases (position integer, url text, \"user\" text, password text)");
		this.location = FleetDatabase.writeRevisions(this.temp.resolve("revisions"), 0);
	}

	/** Creates the databases and lists them in the main database's tenant table. */
	private List<String> createTenantDatabases(int count) {
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String url = this.server.createDatabase();
			urls.add(url);
			addTarget(url);
		}
		return urls;
	}

	private void addTarget(String url) {
		this.main.execute("INSERT INTO tenant_databases (position, url) VALUES ((SELECT count(*) FROM "
				+ "tenant_databases), '" + url.replace("'", "''") + "')");
	}

	private Migrator fleetOf(String query, int maxFailures) {
		return Migrator.create(MigratorConfig.builder()
			.dataSource(this.main.dataSource())
			.locations(this.location)
			.fleetDatabases(query)
			.fleetParallelism(4)
			.fleetMaxFailures(maxFailures)
			.build());
	}

	private FleetDatabase tenant(String url) {
		return new FleetDatabase(TestDataSources.postgres(url, this.server.user(), this.server.password()));
	}

	@Test
	void upgradesEveryTenantDatabaseWithItsOwnStateTablesAndCreatesOnlyTheRunTableInTheMainDatabase() {
		List<String> urls = createTenantDatabases(10);
		Migrator migrator = fleetOf(QUERY, 0);

		FleetResult result = migrator.fleet().upgrade("heads", PhaseFilter.ALL);

		assertThat(result.succeeded()).isTrue();
		assertThat(result.targets()).extracting((t) -> t.target().name())
			.containsExactlyElementsOf(urls.stream().map(JdbcUrlRedaction::withoutCredentials).toList());
		assertThat(result.targets()).extracting((t) -> t.target().kind()).containsOnly("database");
		for (String url : urls) {
			FleetDatabase tenant = tenant(url);
			assertThat(tenant.tables("public")).contains("accounts", "invoices", "migrator_history",
					"migrator_version");
			assertThat(tenant.strings("SELECT version_num FROM migrator_version")).containsExactly("r3");
			assertThat(tenant.count("SELECT count(*) FROM migrator_history WHERE outcome = 'success'")).isEqualTo(3);
			assertThat(tenant.count("SELECT count(*) FROM accounts")).isOne();
		}
		assertThat(this.main.tables("public")).containsExactly("migrator_version_fleet", "tenant_databases");
		assertThat(migrator.fleet().current()).allSatisfy((r) -> assertThat(r.value()).contains(Set.of("r3")));
		assertThat(migrator.fleet().status())
			.allSatisfy((r) -> assertThat(r.value().map(MigrationStatus::isUpToDate)).contains(true));
	}

	@Test
	void anUnreachableDatabaseFailsAloneAndCountsAgainstTheBudgetAndNoPasswordInAUrlIsShownOrStored() {
		List<String> urls = createTenantDatabases(3);
		// Reachable, with a password in its parameters (the test server trusts local
		// connections, so it is not checked): it must succeed and be named without it.
		String withPassword = withoutParameters(this.server.createDatabase()) + "?user=" + this.server.user()
				+ "&password=" + SECRET;
		addTarget(withPassword);
		String unreachable = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/ghost?user=alice&password=" + SECRET;
		addTarget(unreachable);
		Migrator migrator = fleetOf(QUERY, 1);
		AtomicReference<FleetFailedException> failure = new AtomicReference<>();

		String log = capturingLog(() -> assertThatThrownBy(() -> migrator.fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(FleetFailedException.class, failure::set));

		FleetResult result = failure.get().result();
		String ghost = "jdbc:postgresql://127.0.0.1:" + unreachableHostPort(unreachable) + "/ghost";
		assertThat(result.failures()).extracting((t) -> t.target().name()).containsExactly(ghost);
		assertThat(result.countsByState()).containsEntry(TargetState.SUCCEEDED, 4);
		assertThat(result.targets()).extracting((t) -> t.target().name()).contains(withoutParameters(withPassword));
		for (String url : urls) {
			assertThat(tenant(url).strings("SELECT version_num FROM migrator_version")).containsExactly("r3");
		}
		assertThat(failure.get().getMessage()).contains(ghost).doesNotContain(SECRET);
		assertThat(new FleetRunText(result).text()).doesNotContain(SECRET);
		assertThat(log).contains(ghost).doesNotContain(SECRET);
		assertThat(this.main.strings("SELECT f::text FROM migrator_version_fleet f")).hasSize(5)
			.noneMatch((row) -> row.contains(SECRET));
		assertThat(migrator.fleet().status()).filteredOn((r) -> r.failure().isPresent())
			.singleElement()
			.satisfies((r) -> assertThat(r.failure().get()).doesNotContain(SECRET));
	}

	@Test
	void userAndPasswordColumnsAreUsedForTheirDatabase() {
		// Credentials in a URL win over the columns (the driver's rule): this one has
		// none.
		String url = withoutParameters(this.server.createDatabase());
		this.main.execute("INSERT INTO tenant_databases (position, url, \"user\", password) VALUES (0, '" + url
				+ "', 'no_such_role', '" + SECRET + "')");
		Migrator migrator = fleetOf("SELECT url, \"user\", password FROM tenant_databases", 0);

		assertThatThrownBy(() -> migrator.fleet().upgrade("heads", PhaseFilter.ALL))
			.isInstanceOf(FleetFailedException.class)
			.hasMessageContaining("no_such_role")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
		assertThat(tenant(url + "?user=" + this.server.user()).tables("public")).isEmpty();
	}

	@Test
	void aDatabaseWithoutCredentialsOfItsOwnUsesTheMainDataSources() {
		// No user in the URL nor in a column: only the main DataSource's user can
		// connect (the driver would otherwise try the operating system's user).
		String url = withoutParameters(this.server.createDatabase());
		addTarget(url);

		FleetResult result = fleetOf(QUERY, 0).fleet().upgrade("heads", PhaseFilter.ALL);

		assertThat(result.succeeded()).isTrue();
		assertThat(tenant(url + "?user=" + this.server.user()).strings("SELECT version_num FROM migrator_version"))
			.containsExactly("r3");
	}

	@Test
	void aDatabaseListedTwiceOrNullIsRefusedBeforeAnythingRuns() {
		String url = this.server.createDatabase();
		assertThatThrownBy(
				() -> fleetOf("SELECT '" + url + "' UNION ALL SELECT '" + url + (url.contains("?") ? "&" : "?")
						+ "password=" + SECRET + "'", 0)
					.fleet()
					.upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(MigratorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("fleet-targets-invalid"))
			.hasMessageContaining("migrator.fleet.databases")
			.hasMessageContaining("'" + JdbcUrlRedaction.withoutCredentials(url) + "' twice")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
		assertThatThrownBy(() -> fleetOf("SELECT '" + url + "' UNION ALL SELECT NULL", 0).fleet()
			.upgrade("heads", PhaseFilter.ALL))
			.isInstanceOfSatisfying(MigratorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("fleet-targets-invalid"))
			.hasMessageContaining("NULL in row 2");
		assertThat(tenant(url).tables("public")).isEmpty();
		assertThat(this.main.tables("public")).containsExactly("tenant_databases");
	}

	@Test
	void schemasAndDatabasesTogetherAreRefusedAtStartUp() {
		assertThatThrownBy(() -> MigratorConfig.builder()
			.dataSource(this.main.dataSource())
			.fleetSchemas("SELECT 'a'")
			.fleetDatabases(QUERY)
			.build()).isInstanceOf(MigratorException.class)
			.hasMessageContaining("migrator.fleet.schemas")
			.hasMessageContaining("migrator.fleet.databases");
	}

	private static String withoutParameters(String url) {
		return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
	}

	private static String unreachableHostPort(String url) {
		String rest = url.substring("jdbc:postgresql://127.0.0.1:".length());
		return rest.substring(0, rest.indexOf('/'));
	}

	/** A loopback port nothing listens on: connecting is refused at once. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the run logged: the tests log through slf4j-simple to standard error. */
	private static String capturingLog(Runnable run) {
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			run.run();
		}
		finally {
			System.setErr(original);
		}
		String log = captured.toString(StandardCharsets.UTF_8);
		original.print(log);
		return log;
	}

}
