package dev.migrator.core.lint;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.lint.SeveralLongLocks.HeldLock;
import dev.migrator.core.script.LintRule;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads every revision in topological order and reports the statements that would block
 * reads or writes for long or break the running application, with the safe alternative.
 * No database is needed: what the linter knows of the schema comes from the revisions
 * themselves. Only upgrades are read; a downgrade is an emergency tool whose drops and
 * rewrites are expected.
 */
public final class Linter {

	/**
	 * The dialects the rules know; PostgreSQL-only rules are skipped for SQLite (see
	 * {@link LintRule#appliesTo}).
	 */
	public static final List<String> DIALECTS = List.of("postgresql", "sqlite");

	private static final List<Rule> RULES = List.of(new IndexNotConcurrent(), new ConcurrentInTransaction(),
			new AddColumnNotNullWithoutDefault(), new AddColumnVolatileDefault(), new SetNotNullWithoutCheck(),
			new ColumnTypeRewrite(), new ConstraintNotValidMissing(), new UniqueWithoutIndex(),
			new RenameOutsideContract(), new DropOutsideContract(), new WholeTableDataChange(),
			new TableRewriteCommand(), new ExplicitTableLock(), new DropIndexNotConcurrent(), new ExclusionConstraint(),
			new DetachPartitionNotConcurrent(), new DomainConstraintNotValidMissing(), new DropNotNullOutsideContract(),
			new TruncateCascade(), new DatabaseDrop(), new PreferJsonb(), new TransactionControlInRevision(),
			new PreferBigint(), new PreferIdentity(), new PreferTimestamptz(), new PreferText());

	private static final SeveralLongLocks SEVERAL_LONG_LOCKS = new SeveralLongLocks();

	private final String dialect;

	private final StatementSource source;

	private final LintSettings settings;

	/** A linter for SQL revisions under the dialect's semantics. */
	public Linter(String dialect) {
		this(dialect, new SqlRevisionStatements());
	}

	/**
	 * A linter that reads revisions through the given source.
	 * @param dialect {@code postgresql} or {@code sqlite} ({@code postgres} is accepted
	 * too)
	 */
	public Linter(String dialect, StatementSource source) {
		this(dialect, source, LintSettings.DEFAULTS);
	}

	/**
	 * A linter that reads revisions through the given source and applies the opt-in rules
	 * the settings enable.
	 */
	public Linter(String dialect, StatementSource source, LintSettings settings) {
		String name = dialect.strip().toLowerCase(Locale.ROOT);
		this.dialect = "postgres".equals(name) ? "postgresql" : name;
		if (!DIALECTS.contains(this.dialect)) {
			throw new MigratorException(ErrorCode.UNKNOWN_DIALECT, "The linter does not know the dialect '" + dialect
					+ "'. Use one of " + String.join(", ", DIALECTS) + ".");
		}
		this.source = source;
		this.settings = settings;
	}

	public String dialect() {
		return this.dialect;
	}

	/**
	 * Lints every revision of the graph, parents before children, then the repeatable
	 * ones, for the configured PostgreSQL version, else the oldest the linter assumes.
	 */
	public LintReport lint(RevisionGraph graph) {
		return lint(graph, Optional.empty());
	}

	/**
	 * Lints every revision of the graph for the configured PostgreSQL version, else the
	 * connected server's, else the oldest the linter assumes.
	 */
	public LintReport lint(RevisionGraph graph, Optional<PostgresVersion> serverVersion) {
		return lint(graph, serverVersion, DatabaseCatalog.NONE);
	}

	/**
	 * Lints every revision of the graph for the configured PostgreSQL version, else the
	 * connected server's, with what the database's catalog says of the tables: their
	 * sizes, and facts the revisions may not show.
	 */
	public LintReport lint(RevisionGraph graph, Optional<PostgresVersion> serverVersion, DatabaseCatalog catalog) {
		PostgresVersion version = this.settings.postgresVersion()
			.or(() -> serverVersion)
			.orElse(PostgresVersion.OLDEST_ASSUMED);
		SchemaKnowledge schema = new SchemaKnowledge(catalog);
		List<Finding> findings = new ArrayList<>();
		List<String> linted = new ArrayList<>();
		List<String> notLinted = new ArrayList<>();
		List<Revision> all = new ArrayList<>(graph.revisions());
		all.addAll(graph.repeatables());
		for (Revision revision : all) {
			Optional<LintInput> input = this.source.read(revision);
			if (input.isEmpty()) {
				notLinted.add(revision.id());
				continue;
			}
			linted.add(revision.id());
			lint(input.get(), schema, version, findings);
		}
		Optional<String> judgedFor = "postgresql".equals(this.dialect)
				? Optional.of("PostgreSQL " + version
						+ (this.settings.postgresVersion().isPresent() ? " (configured)" : serverVersion.isPresent()
								? " (the server's)" : " (assumed; set migrator.lint.postgres-version)"))
				: Optional.empty();
		return new LintReport(this.dialect, judgedFor, findings, linted, notLinted);
	}

	private void lint(LintInput input, SchemaKnowledge schema, PostgresVersion version, List<Finding> findings) {
		Revision revision = input.revision();
		schema.startRevision();
		boolean countLocks = revision.transactional() && SEVERAL_LONG_LOCKS.rule().appliesTo(this.dialect);
		List<HeldLock> held = new ArrayList<>();
		for (LintStatement statement : input.statements()) {
			ClassifiedStatement classified = StatementClassifier.classify(statement.sql());
			StatementContext context = new StatementContext(revision, classified, schema, this.dialect,
					input.statements().size(), version);
			Optional<HeldLock> longLock = Optional.empty();
			for (Rule rule : RULES) {
				if (!applies(rule.rule(), version)) {
					continue;
				}
				List<Violation> violations = rule.check(context);
				if (violations.isEmpty()) {
					continue;
				}
				Optional<TableSize> size = rule.growsWithTable() ? size(classified, schema) : Optional.empty();
				boolean shortOnSmallTable = size.map((known) -> !known.large()).orElse(false);
				if (rule.longLock() && !shortOnSmallTable && longLock.isEmpty()) {
					// An allowed statement still holds its lock: count it before
					// allowances are applied.
					longLock = Optional.of(new HeldLock(statement.line(), rule.rule().id()));
				}
				for (Violation violation : violations) {
					Judged judged = size.map((known) -> known.judge(violation, rule.rule().severity()))
						.orElse(new Judged(violation, rule.rule().severity()));
					report(rule.rule(), judged, input, statement, findings);
				}
			}
			if (countLocks) {
				SEVERAL_LONG_LOCKS.check(longLock, held)
					.ifPresent((violation) -> report(SEVERAL_LONG_LOCKS.rule(),
							new Judged(violation, SEVERAL_LONG_LOCKS.rule().severity()), input, statement, findings));
				longLock.ifPresent(held::add);
			}
			schema.apply(classified);
		}
	}

	private boolean applies(LintRule rule, PostgresVersion version) {
		return rule.appliesTo(this.dialect) && this.settings.applies(rule)
				&& (!"postgresql".equals(this.dialect) || rule.appliesToPostgres(version.major()));
	}

	/**
	 * The database's estimate of the table the statement scans, rewrites or indexes, when
	 * it has one and the table is not new.
	 */
	private Optional<TableSize> size(ClassifiedStatement statement, SchemaKnowledge schema) {
		return TableSize.tableOf(statement).filter((table) -> !schema.isNew(table)).flatMap((table) -> {
			OptionalLong rows = schema.catalog().estimatedRows(table);
			return rows.isPresent()
					? Optional.of(new TableSize(table, rows.getAsLong(), this.settings.largeTableRows()))
					: Optional.empty();
		});
	}

	private static void report(LintRule rule, Judged judged, LintInput input, LintStatement statement,
			List<Finding> findings) {
		if (statement.allows(rule)) {
			return;
		}
		findings.add(new Finding(rule.id(), input.revision().id(), new Location(input.file(), statement.line()),
				judged.violation().message(), judged.violation().safeAlternative(), judged.severity()));
	}

}
