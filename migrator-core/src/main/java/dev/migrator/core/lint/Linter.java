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
	 * ones.
	 */
	public LintReport lint(RevisionGraph graph) {
		SchemaKnowledge schema = new SchemaKnowledge();
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
			lint(input.get(), schema, findings);
		}
		return new LintReport(this.dialect, findings, linted, notLinted);
	}

	private void lint(LintInput input, SchemaKnowledge schema, List<Finding> findings) {
		Revision revision = input.revision();
		schema.startRevision();
		boolean countLocks = revision.transactional() && SEVERAL_LONG_LOCKS.rule().appliesTo(this.dialect);
		List<HeldLock> held = new ArrayList<>();
		for (LintStatement statement : input.statements()) {
			ClassifiedStatement classified = StatementClassifier.classify(statement.sql());
			StatementContext context = new StatementContext(revision, classified, schema, this.dialect,
					input.statements().size());
			Optional<HeldLock> longLock = Optional.empty();
			for (Rule rule : RULES) {
				if (!rule.rule().appliesTo(this.dialect) || !this.settings.applies(rule.rule())) {
					continue;
				}
				List<Violation> violations = rule.check(context);
				if (rule.longLock() && !violations.isEmpty() && longLock.isEmpty()) {
					// An allowed statement still holds its lock: count it before
					// allowances are applied.
					longLock = Optional.of(new HeldLock(statement.line(), rule.rule().id()));
				}
				violations.forEach((violation) -> report(rule.rule(), violation, input, statement, findings));
			}
			if (countLocks) {
				SEVERAL_LONG_LOCKS.check(longLock, held)
					.ifPresent((violation) -> report(SEVERAL_LONG_LOCKS.rule(), violation, input, statement, findings));
				longLock.ifPresent(held::add);
			}
			schema.apply(classified);
		}
	}

	private static void report(LintRule rule, Violation violation, LintInput input, LintStatement statement,
			List<Finding> findings) {
		if (statement.allows(rule)) {
			return;
		}
		findings.add(new Finding(rule.id(), input.revision().id(), new Location(input.file(), statement.line()),
				violation.message(), violation.safeAlternative(), rule.severity()));
	}

}
