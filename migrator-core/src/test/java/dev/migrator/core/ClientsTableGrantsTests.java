package dev.migrator.core;

import dev.migrator.core.compat.ClientInstance;
import dev.migrator.core.compat.ClientRegistry;
import dev.migrator.core.compat.RegisteredClient;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.core.script.PhaseFilter;
import dev.migrator.testsupport.TestPostgres;
import dev.migrator.testsupport.TestRole;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The clients table on PostgreSQL with the grants a real deployment gives: the job
 * creates it with the state tables, an application role with DML alone records itself in
 * it, and a contract revision is refused when the job cannot read it.
 */
class ClientsTableGrantsTests {

	@TempDir
	Path temp;

	private String url;

	private DataSource owner;

	private RevisionFolder folder;

	private TestRole role;

	@BeforeEach
	void prepare() {
		TestPostgres server = TestPostgres.shared();
		this.url = server.createDatabase();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.url);
		dataSource.setUser(server.user());
		dataSource.setPassword(server.password());
		this.owner = dataSource;
		this.role = TestRole.create(server, this.url, "client");
		this.folder = new RevisionFolder(this.temp.resolve("revisions")).table("0001_users", null, "users")
			.file("0002_email.sql",
					revision("0002_email", "0001_users", "", "ALTER TABLE users ADD COLUMN email text;"))
			.file("0003_drop_name.sql", revision("0003_drop_name", "0002_email", "-- migrator:phase contract\n",
					"ALTER TABLE users DROP COLUMN name;"));
	}

	@AfterEach
	void dropRole() {
		this.role.close();
	}

	@Test
	void theJobCreatesTheConfiguredClientsTableWithTheStateTables() throws Exception {
		migrator(this.owner, MigratorConfig.builder().schema("ops").clientsTable("app_clients")).upgrade("0001_users");
		assertThat(Databases.strings(this.owner,
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'ops' ORDER BY 1"))
			.containsExactly("app_clients", "migrator_history", "migrator_version", "migrator_version_progress");
	}

	@Test
	void aRoleWithOnlyDmlOnTheClientsTableRecordsItself() throws Exception {
		migrator(this.owner, MigratorConfig.builder()).upgrade("heads", PhaseFilter.EXPAND);
		this.role.asSuperuser("GRANT SELECT ON migrator_version, migrator_history TO " + this.role.name(),
				"GRANT SELECT, INSERT, UPDATE, DELETE ON migrator_clients TO " + this.role.name());
		ClientRegistry registry = migrator(roleDataSource(), MigratorConfig.builder()).clientRegistry();

		registry.register(new ClientInstance("web-1", "shop", "1.0", Set.of("0002_email")));
		assertThat(registry.heartbeat("web-1")).isTrue();
		assertThat(registry.liveClients()).extracting(RegisteredClient::instanceId).containsExactly("web-1");
		registry.deregister("web-1");
		assertThat(registry.clients()).isEmpty();
		try (Connection connection = this.role.connect(); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(java.sql.SQLException.class)
				.as("the role may not create a table, and registering never needed it to")
				.isThrownBy(() -> statement.execute("CREATE TABLE IF NOT EXISTS migrator_clients (id integer)"));
		}
	}

	@Test
	void aRoleThatMayOnlyReadTheClientsTableCannotRecordItself() {
		migrator(this.owner, MigratorConfig.builder()).upgrade("heads", PhaseFilter.EXPAND);
		this.role
			.asSuperuser("GRANT SELECT ON migrator_version, migrator_history, migrator_clients TO " + this.role.name());
		ClientRegistry registry = migrator(roleDataSource(), MigratorConfig.builder()).clientRegistry();
		assertThatExceptionOfType(MigratorException.class)
			.isThrownBy(() -> registry.register(new ClientInstance("web-1", "shop", "1.0", Set.of("0002_email"))))
			.withMessageContaining("permission denied")
			.withMessageContaining("SELECT, INSERT, UPDATE and DELETE");
	}

	@Test
	void aContractIsRefusedWhenTheJobCannotReadTheClientsTableAndNothingRuns() throws Exception {
		// The clients table was created by another role (a DBA, say) that granted the
		// job's role nothing on it.
		try (Connection connection = this.owner.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE migrator_clients (instance_id varchar(255) PRIMARY KEY, application "
					+ "varchar(255) NOT NULL, version varchar(255) NOT NULL, heads text NOT NULL, registered_at "
					+ "timestamp with time zone NOT NULL, heartbeat_at timestamp with time zone NOT NULL)");
		}
		this.role.asSuperuser("GRANT CREATE, USAGE ON SCHEMA public TO " + this.role.name());
		Migrator job = migrator(roleDataSource(), MigratorConfig.builder());
		assertThat(job.upgrade("heads", PhaseFilter.EXPAND).steps()).as("no contract: no need to read the table")
			.hasSize(2);

		assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> job.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("clients-table-unreadable"))
			.withMessageContaining("Contract revision(s) 0003_drop_name refused")
			.withMessageContaining("the clients table \"migrator_clients\" cannot be read")
			.withMessageContaining("permission denied")
			.withMessageContaining("GRANT SELECT ON \"migrator_clients\"")
			.withMessageContaining("nothing was run");
		assertThat(job.current()).containsExactly("0002_email");
		assertThat(Databases.count(this.owner,
				"SELECT count(*) FROM information_schema.columns "
						+ "WHERE table_name = 'users' AND column_name = 'name'"))
			.as("the column the contract drops is still there")
			.isEqualTo(1);
		assertThat(
				Databases.count(this.owner, "SELECT count(*) FROM migrator_history WHERE revision = '0003_drop_name'"))
			.isZero();

		assertThatExceptionOfType(MigratorException.class)
			.as("the override covers live instances the guard sees, never a table it cannot read")
			.isThrownBy(() -> migrator(roleDataSource(), MigratorConfig.builder().allowContractWithLiveClients(true))
				.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("clients-table-unreadable"));

		this.role.asSuperuser("GRANT SELECT ON migrator_clients TO " + this.role.name());
		assertThat(job.upgrade("heads").steps()).extracting((s) -> s.revision()).containsExactly("0003_drop_name");
	}

	private Migrator migrator(DataSource dataSource, MigratorConfig.Builder builder) {
		return Migrator.create(builder.dataSource(dataSource).locations(this.folder.location()).build());
	}

	private DataSource roleDataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.role.url());
		return dataSource;
	}

	private static String revision(String id, String parent, String headers, String upgrade) {
		return "-- migrator:revision " + id + "\n-- migrator:revises " + parent + "\n" + headers
				+ "-- migrator:upgrade\n" + upgrade + "\n";
	}

}
