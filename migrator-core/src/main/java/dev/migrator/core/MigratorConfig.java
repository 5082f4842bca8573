package dev.migrator.core;

import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.runtime.MigrationListener;
import dev.migrator.core.runtime.RunSettings;
import dev.migrator.core.runtime.StateTables;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.RevisionSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Everything a {@link Migrator} needs, immutable. Build it with {@link #builder()}.
 *
 * @param dataSource where to migrate; empty for offline use ({@code sql}, {@code heads}, {@code history})
 * @param locations SQL revision folders, {@code classpath:} or {@code filesystem:}
 * @param javaMigrations Java migrations registered explicitly
 * @param javaPackages packages scanned for Java migrations
 * @param extraSources further revision sources (revisions built in code, other formats)
 * @param classLoader the class loader for {@code classpath:} locations and package scanning
 * @param tables the version and history tables
 * @param settings default lock and statement timeouts
 * @param lockWait how long a runner waits for another to release the run lock
 * @param checksumPolicy what an edited applied revision does
 * @param dialect a dialect name for offline scripts; the connection decides online
 * @param listeners notified of each step
 * @param namingConvention how Java migrations' operations name constraints and indexes given no name
 */
public record MigratorConfig(Optional<DataSource> dataSource, List<String> locations, List<JavaMigration> javaMigrations,
		List<String> javaPackages, List<RevisionSource> extraSources, ClassLoader classLoader, StateTables tables,
		RunSettings settings, Duration lockWait, ChecksumPolicy checksumPolicy, Optional<String> dialect,
		List<MigrationListener> listeners, NamingConvention namingConvention) {

	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

	public MigratorConfig {
		Objects.requireNonNull(dataSource, "dataSource");
		locations = List.copyOf(locations);
		javaMigrations = List.copyOf(javaMigrations);
		javaPackages = List.copyOf(javaPackages);
		extraSources = List.copyOf(extraSources);
		Objects.requireNonNull(classLoader, "classLoader");
		Objects.requireNonNull(tables, "tables");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(lockWait, "lockWait");
		Objects.requireNonNull(checksumPolicy, "checksumPolicy");
		Objects.requireNonNull(dialect, "dialect");
		listeners = List.copyOf(listeners);
		Objects.requireNonNull(namingConvention, "namingConvention");
	}

	/** A configuration with the default naming convention, as before the convention was configurable. */
	public MigratorConfig(Optional<DataSource> dataSource, List<String> locations, List<JavaMigration> javaMigrations,
			List<String> javaPackages, List<RevisionSource> extraSources, ClassLoader classLoader, StateTables tables,
			RunSettings settings, Duration lockWait, ChecksumPolicy checksumPolicy, Optional<String> dialect,
			List<MigrationListener> listeners) {
		this(dataSource, locations, javaMigrations, javaPackages, extraSources, classLoader, tables, settings, lockWait,
				checksumPolicy, dialect, listeners, NamingConvention.defaults());
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link MigratorConfig}; the defaults are the documented ones. */
	public static final class Builder {

		private DataSource dataSource;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private List<String> javaPackages = List.of();

		private final List<RevisionSource> extraSources = new ArrayList<>();

		private ClassLoader classLoader = Builder.class.getClassLoader();

		private String schema;

		private String versionTable = StateTables.DEFAULT_VERSION_TABLE;

		private String historyTable = StateTables.DEFAULT_HISTORY_TABLE;

		private Duration lockTimeout;

		private Duration statementTimeout;

		private Duration lockWait = DEFAULT_LOCK_WAIT;

		private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

		private String dialect;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private NamingConvention namingConvention = NamingConvention.defaults();

		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		public Builder locations(String... locations) {
			this.locations = List.of(locations);
			return this;
		}

		public Builder locations(List<String> locations) {
			this.locations = List.copyOf(locations);
			return this;
		}

		public Builder javaMigrations(JavaMigration... migrations) {
			this.javaMigrations.addAll(List.of(migrations));
			return this;
		}

		public Builder javaPackages(String... packages) {
			this.javaPackages = List.of(packages);
			return this;
		}

		public Builder javaPackages(List<String> packages) {
			this.javaPackages = List.copyOf(packages);
			return this;
		}

		public Builder source(RevisionSource source) {
			this.extraSources.add(source);
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		public Builder lockWait(Duration lockWait) {
			this.lockWait = lockWait;
			return this;
		}

		public Builder checksumPolicy(ChecksumPolicy checksumPolicy) {
			this.checksumPolicy = checksumPolicy;
			return this;
		}

		public Builder dialect(String dialect) {
			this.dialect = dialect;
			return this;
		}

		/** How operations name constraints and indexes given no name; {@link NamingConvention#defaults()} by default. */
		public Builder namingConvention(NamingConvention namingConvention) {
			this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention");
			return this;
		}

		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		public MigratorConfig build() {
			requireName("version table", this.versionTable);
			requireName("history table", this.historyTable);
			if (this.schema != null) {
				requireName("schema", this.schema);
			}
			if (this.versionTable.equals(this.historyTable)) {
				throw new MigratorException("invalid-configuration", "The version table and the history table are both '"
						+ this.versionTable + "'. Give them different names.");
			}
			requireNotNegative("lock wait", this.lockWait);
			if (this.lockTimeout != null) {
				requireNotNegative("lock timeout", this.lockTimeout);
			}
			if (this.statementTimeout != null) {
				requireNotNegative("statement timeout", this.statementTimeout);
			}
			return new MigratorConfig(Optional.ofNullable(this.dataSource), this.locations, this.javaMigrations,
					this.javaPackages, this.extraSources, this.classLoader,
					new StateTables(Optional.ofNullable(this.schema), this.versionTable, this.historyTable),
					new RunSettings(Optional.ofNullable(this.lockTimeout), Optional.ofNullable(this.statementTimeout)),
					this.lockWait, this.checksumPolicy, Optional.ofNullable(this.dialect), this.listeners,
					this.namingConvention);
		}

		private static void requireName(String what, String name) {
			if (name == null || name.isBlank()) {
				throw new MigratorException("invalid-configuration", "The " + what + " name is empty. Give it a name.");
			}
			if (name.length() > 63) {
				throw new MigratorException("invalid-configuration", "The " + what + " name '" + name
						+ "' is longer than 63 characters, which PostgreSQL would silently truncate. Choose a shorter name.");
			}
		}

		// Zero is allowed as in the revision headers: no timeout on PostgreSQL, no waiting for the run lock.
		private static void requireNotNegative(String what, Duration value) {
			if (value.isNegative()) {
				throw new MigratorException("invalid-configuration",
						"The " + what + " cannot be negative, but is " + value + ". Give a duration such as 2s.");
			}
			if (value.toMillis() > Integer.MAX_VALUE) {
				throw new MigratorException("invalid-configuration", "The " + what + " " + value
						+ " is longer than the databases accept (about 24 days). Give a shorter duration.");
			}
		}

	}

}
