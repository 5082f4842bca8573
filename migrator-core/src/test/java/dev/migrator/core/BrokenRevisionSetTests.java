package dev.migrator.core;

import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.error.MigratorException;
import dev.migrator.testsupport.TestDataSources;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs every broken migration set below {@code src/test/resources/broken} against a real
 * SQLite file and a real PostgreSQL database. Each set must fail with its own
 * {@link MigratorException#code() code} and a message that names the file or revision at
 * fault and says what to do, and must apply nothing.
 *
 * <p>
 * A case is a folder {@code NN-short-name} holding revision files and a
 * {@code case.properties}:
 * <ul>
 * <li>{@code code}: the expected {@link MigratorException#code()};</li>
 * <li>{@code message}: fragments separated by {@code " | "} that must all appear in the
 * message; the first names the file, revision or target at fault;</li>
 * <li>{@code command}: {@code upgrade} (default), {@code downgrade}, {@code stamp},
 * {@code check} or {@code sql};</li>
 * <li>{@code target}: the command's target, {@code heads} by default ({@code sql}: the
 * end of the script);</li>
 * <li>{@code from}: for {@code sql}, the start of the script, {@code base} by
 * default;</li>
 * <li>{@code setup}: steps run before the command, separated by {@code " && "}:
 * {@code upgrade:TARGET}, {@code downgrade:TARGET} or {@code stamp:TARGET} with the
 * revisions of the case's {@code setup/} folder (the case's own when it has none), or
 * {@code sql:STATEMENT} run directly;</li>
 * <li>{@code applies-nothing}: must be {@code true}: the command leaves schema, data and
 * version rows as they were.</li>
 * </ul>
 */
class BrokenRevisionSetTests {

	private static final String CORPUS = "broken";

	private static final int MINIMUM_CASES = 24;

	private static final int MINIMUM_DISTINCT_CODES = 18;

	private static final String VERSION_TABLE = "migrator_version";

	private static final String HISTORY_TABLE = "migrator_history";

	@TempDir
	Path temp;

	static Stream<Arguments> everyCaseOnEveryDatabase() {
		return BrokenCase.all()
			.stream()
			.flatMap(
					(brokenCase) -> Stream.of(Database.values()).map((database) -> Arguments.of(brokenCase, database)));
	}

	@Test
	void theCorpusHasAtLeast24CasesWithAtLeast18DifferentCodes() {
		List<BrokenCase> cases = BrokenCase.all();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
		assertThat(cases.stream().map(BrokenCase::code).distinct().count())
			.as("distinct codes among %s", cases.stream().map(BrokenCase::code).toList())
			.isGreaterThanOrEqualTo(MINIMUM_DISTINCT_CODES);
	}

	@Test
	void everyCaseNamesWhatIsAtFaultAndWhatToDo() {
		for (BrokenCase brokenCase : BrokenCase.all()) {
			assertThat(brokenCase.fragments()).as("%s: the fault and the advice", brokenCase)
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(brokenCase.culprits())
				.as("%s: the first message fragment names a file, revision or target of the case", brokenCase)
				.anySatisfy((culprit) -> assertThat(brokenCase.fragments().get(0)).contains(culprit));
		}
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("everyCaseOnEveryDatabase")
	void aBrokenSetFailsWithItsOwnCodeAndAppliesNothing(BrokenCase brokenCase, Database database) throws Exception {
		Path revisions = this.temp.resolve("revisions");
		Path setupRevisions = this.temp.resolve("setup");
		brokenCase.copyTo(revisions, setupRevisions);
		DataSource dataSource = database.create(this.temp);
		brokenCase.runSetup(dataSource, Files.isDirectory(setupRevisions) ? setupRevisions : revisions);
		DatabaseState before = DatabaseState.of(dataSource);

		Throwable thrown = catchThrowable(() -> brokenCase.runCommand(migrator(dataSource, revisions)));

		assertThat(thrown).as("%s must fail", brokenCase).isNotNull();
		assertThat(thrown).as("%s fails with a MigratorException", brokenCase).isInstanceOf(MigratorException.class);
		MigratorException failure = (MigratorException) thrown;
		assertThat(failure.code()).as("code of %s; message: %s", brokenCase, failure.getMessage())
			.isEqualTo(brokenCase.code());
		for (String fragment : brokenCase.fragments()) {
			assertThat(failure.getMessage()).as("message of %s", brokenCase).contains(fragment);
		}
		assertThat(brokenCase.culprits())
			.as("the message of %s names the file or revision: %s", brokenCase, failure.getMessage())
			.anySatisfy((culprit) -> assertThat(failure.getMessage()).contains(culprit));
		DatabaseState after = DatabaseState.of(dataSource);
		assertThat(after.schema()).as("schema objects after %s", brokenCase).isEqualTo(before.schema());
		assertThat(after.contents()).as("table contents after %s", brokenCase).isEqualTo(before.contents());
		assertThat(after.versionRows()).as("version rows after %s", brokenCase).isEqualTo(before.versionRows());
		// A failed step is recorded ('failed', and 'started' before a non-transactional
		// one); a success never is.
		assertThat(DatabaseState.outcomesAfter(dataSource, before.lastHistoryId()))
			.as("outcomes of the history rows %s added", brokenCase)
			.isSubsetOf("started", "failed");
	}

	private static Migrator migrator(DataSource dataSource, Path revisions) {
		return Migrator.create(MigratorConfig.builder()
			.dataSource(dataSource)
			.locations("filesystem:" + revisions.toAbsolutePath())
			.build());
	}

	/** The real databases each case runs on. */
	enum Database {

		SQLITE {
			@Override
			DataSource create(Path temp) {
				return TestDataSources.sqliteFile(temp.resolve("app.db"));
			}
		},

		POSTGRESQL {
			@Override
			DataSource create(Path temp) {
				return TestDataSources.freshPostgres();
			}
		};

		abstract DataSource create(Path temp);

		@Override
		public String toString() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** One folder of the corpus. */
	record BrokenCase(String name, Path folder, Properties properties) {

		private static final Set<String> KEYS = Set.of("code", "message", "command", "target", "from", "setup",
				"applies-nothing");

		private static final Pattern REVISION_LINE = Pattern
			.compile("(?m)^\\s*--\\s*migrator:\\s*revision\\s+(\\S+)\\s*$");

		private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

		static List<BrokenCase> all() {
			URL root = BrokenRevisionSetTests.class.getClassLoader().getResource(CORPUS);
			assertThat(root).as("the corpus folder %s on the test class path", CORPUS).isNotNull();
			assertThat(root.getProtocol()).as("the corpus is a folder, not inside a jar").isEqualTo("file");
			try (Stream<Path> folders = Files.list(Path.of(root.toURI()))) {
				return folders.filter(Files::isDirectory).sorted().map(BrokenCase::read).toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static BrokenCase read(Path folder) {
			String name = folder.getFileName().toString();
			assertThat(name).as("case folder name").matches("\\d{2}-[a-z0-9-]+");
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(folder.resolve("case.properties"), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(name + ": cannot read case.properties", ex);
			}
			assertThat(properties.stringPropertyNames()).as("%s: keys of case.properties", name)
				.isSubsetOf(KEYS)
				.contains("code", "message", "applies-nothing");
			assertThat(properties.getProperty("applies-nothing")).as("%s: applies-nothing", name).isEqualTo("true");
			return new BrokenCase(name, folder, properties);
		}

		String code() {
			return this.properties.getProperty("code").strip();
		}

		List<String> fragments() {
			return Arrays.stream(this.properties.getProperty("message").split(" \\| "))
				.map(String::strip)
				.filter((fragment) -> !fragment.isEmpty())
				.toList();
		}

		String command() {
			return this.properties.getProperty("command", "upgrade").strip();
		}

		String target() {
			return this.properties.getProperty("target", "heads").strip();
		}

		List<String> setupSteps() {
			String setup = this.properties.getProperty("setup", "").strip();
			return setup.isEmpty() ? List.of() : Arrays.stream(setup.split(" && ")).map(String::strip).toList();
		}

		/**
		 * What a message may name to point at the fault: the case's file names and
		 * revision ids, the target (and its label), and values quoted in setup SQL (such
		 * as a version row no file defines).
		 */
		Set<String> culprits() {
			Set<String> culprits = new LinkedHashSet<>();
			for (Path file : sqlFiles()) {
				culprits.add(file.getFileName().toString());
				try {
					Matcher revision = REVISION_LINE
						.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
					while (revision.find()) {
						culprits.add(revision.group(1));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			if (this.properties.containsKey("target")) {
				culprits.add(target());
				if (target().endsWith("@head")) {
					culprits.add(target().substring(0, target().length() - "@head".length()));
				}
			}
			for (String step : setupSteps()) {
				Matcher quoted = QUOTED.matcher(step);
				while (quoted.find()) {
					culprits.add(quoted.group(1));
				}
			}
			return culprits;
		}

		/**
		 * Copies the revision files to one folder and those of {@code setup/}, if any, to
		 * another.
		 */
		void copyTo(Path revisions, Path setupRevisions) throws IOException {
			Files.createDirectories(revisions);
			try (Stream<Path> files = Files.list(this.folder)) {
				for (Path file : files.toList()) {
					String fileName = file.getFileName().toString();
					if (fileName.equals("setup") && Files.isDirectory(file)) {
						copyFolder(file, setupRevisions);
					}
					else if (!fileName.equals("case.properties")) {
						copyFolder(file, revisions.resolve(fileName));
					}
				}
			}
		}

		void runSetup(DataSource dataSource, Path setupRevisions) throws SQLException {
			for (String step : setupSteps()) {
				int colon = step.indexOf(':');
				assertThat(colon).as("%s: setup step '%s' is KIND:ARGUMENT", this, step).isPositive();
				String kind = step.substring(0, colon);
				String argument = step.substring(colon + 1).strip();
				switch (kind) {
					case "upgrade" -> migrator(dataSource, setupRevisions).upgrade(argument);
					case "downgrade" -> migrator(dataSource, setupRevisions).downgrade(argument);
					case "stamp" -> migrator(dataSource, setupRevisions).stamp(argument);
					case "sql" -> Databases.execute(dataSource, argument);
					default -> throw new IllegalArgumentException(this + ": unknown setup step '" + step + "'");
				}
			}
		}

		void runCommand(Migrator migrator) {
			switch (command()) {
				case "upgrade" -> migrator.upgrade(target());
				case "downgrade" -> migrator.downgrade(target());
				case "stamp" -> migrator.stamp(target());
				case "check" -> migrator.check();
				case "sql" -> migrator.sql(this.properties.getProperty("from", "base").strip(), target());
				default -> throw new IllegalArgumentException(this + ": unknown command '" + command() + "'");
			}
		}

		private List<Path> sqlFiles() {
			try (Stream<Path> files = Files.walk(this.folder)) {
				return files.filter((file) -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void copyFolder(Path source, Path target) throws IOException {
			try (Stream<Path> paths = Files.walk(source)) {
				for (Path path : paths.sorted().toList()) {
					Path copy = target.resolve(source.relativize(path).toString());
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
					}
					else {
						Files.createDirectories(copy.getParent());
						Files.copy(path, copy);
					}
				}
			}
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * What a failed command must leave as it was: the schema objects outside the state
	 * tables, the content of every user table, the version rows; and the last history
	 * row, to find the rows the command added.
	 */
	record DatabaseState(List<String> schema, List<String> contents, List<String> versionRows, long lastHistoryId) {

		static DatabaseState of(DataSource dataSource) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				boolean sqlite = isSqlite(connection);
				List<String> schema = Databases.strings(connection, sqlite
						? "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
								+ "WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE 'migrator_%' ORDER BY 1"
						: "SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
								+ "WHERE n.nspname = current_schema() AND c.relname NOT LIKE 'migrator_%' "
								+ "UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type "
								+ "|| coalesce('(' || character_maximum_length || ')', '') FROM information_schema.columns "
								+ "WHERE table_schema = current_schema() AND table_name NOT LIKE 'migrator_%' "
								+ "UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
								+ "WHERE n.nspname = current_schema() "
								+ "UNION ALL SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
								+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
								+ "AND NOT t.tgisinternal ORDER BY 1");
				List<String> tables = tables(connection);
				List<String> contents = new ArrayList<>();
				for (String table : tables) {
					if (!table.startsWith("migrator_")) {
						contents.add(table + ": " + rows(connection, table));
					}
				}
				List<String> versionRows = tables.contains(VERSION_TABLE) ? Databases.strings(connection,
						"SELECT version_num FROM " + VERSION_TABLE + " ORDER BY version_num") : List.of();
				long lastHistoryId = tables.contains(HISTORY_TABLE)
						? count(connection, "SELECT coalesce(max(id), 0) FROM " + HISTORY_TABLE) : 0;
				return new DatabaseState(schema, contents, versionRows, lastHistoryId);
			}
		}

		/** The outcomes of the history rows added after the given one. */
		static List<String> outcomesAfter(DataSource dataSource, long lastHistoryId) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				if (!tables(connection).contains(HISTORY_TABLE)) {
					return List.of();
				}
				List<String> outcomes = new ArrayList<>();
				try (PreparedStatement statement = connection
					.prepareStatement("SELECT outcome FROM " + HISTORY_TABLE + " WHERE id > ? ORDER BY id")) {
					statement.setLong(1, lastHistoryId);
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							outcomes.add(rs.getString(1));
						}
					}
				}
				return outcomes;
			}
		}

		private static List<String> tables(Connection connection) throws SQLException {
			return Databases.strings(connection, isSqlite(connection)
					? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
					: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
							+ "AND table_type = 'BASE TABLE' ORDER BY table_name");
		}

		/** Every row of the table, all columns, in a stable order. */
		private static List<String> rows(Connection connection, String table) throws SQLException {
			List<String> rows = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM \"" + table + "\"");
					ResultSet rs = statement.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					List<String> values = new ArrayList<>(columns);
					for (int column = 1; column <= columns; column++) {
						values.add(String.valueOf(rs.getObject(column)));
					}
					rows.add(String.join(", ", values));
				}
			}
			rows.sort(null);
			return rows;
		}

		private static boolean isSqlite(Connection connection) throws SQLException {
			return connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("sqlite");
		}

		private static long count(Connection connection, String sql) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}

	}

}
