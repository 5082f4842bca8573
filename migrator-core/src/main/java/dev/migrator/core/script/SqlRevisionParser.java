package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

// Over 300 lines: the revision file format's grammar, one method per header and section.
/**
 * Reads a SQL revision file: {@code -- migrator:} header lines, then an upgrade section
 * and an optional downgrade section.
 *
 * <pre>
 * -- migrator:revision 0003_add_display_name
 * -- migrator:revises 0002_initial_users
 * -- migrator:upgrade
 * ALTER TABLE users ADD COLUMN display_name varchar(100);
 * -- migrator:downgrade
 * ALTER TABLE users DROP COLUMN display_name;
 * </pre>
 *
 * Header lines come in any order and only {@code revision} is required. A file without a
 * downgrade section is forward-only; an empty downgrade section is a downgrade that does
 * nothing. Every error names the file and line.
 * <p>
 * {@code ${name}} placeholders in the sections are replaced by the configured values,
 * statement by statement, unless the header says {@code -- migrator:placeholders false};
 * the checksum covers the text as written, so a new value is not an edit.
 */
public final class SqlRevisionParser {

	private final SqlStatementSplitter splitter = new SqlStatementSplitter();

	private final Placeholders placeholders;

	/** A parser for files without placeholders: any {@code ${name}} is unknown. */
	public SqlRevisionParser() {
		this(Placeholders.none());
	}

	/**
	 * @param placeholders the values of the placeholders the files may use
	 */
	public SqlRevisionParser(Placeholders placeholders) {
		this.placeholders = placeholders;
	}

	/**
	 * Parses one file.
	 * @param location the file as shown to users, such as
	 * {@code classpath:db/revisions/0001_init.sql}
	 * @param content the file's text
	 */
	public Revision parse(String location, String content) {
		// A byte-order mark from a Windows editor is not part of the text, and must not
		// change the checksum.
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		return new FileParse(location, text).revision();
	}

	/** One line of the file, as offsets into its text. */
	private record Line(int number, int start, int end, int next) {

		static List<Line> of(String text) {
			List<Line> lines = new ArrayList<>();
			int start = 0;
			int number = 1;
			while (start < text.length()) {
				int end = start;
				while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
					end++;
				}
				int next = end;
				if (next < text.length() && text.charAt(next) == '\r') {
					next++;
				}
				if (next < text.length() && text.charAt(next) == '\n' && next - end < 2) {
					next++;
				}
				lines.add(new Line(number++, start, end, next));
				start = next;
			}
			return lines;
		}

	}

	/** The text of an upgrade or downgrade section and where it is. */
	private record Section(Directive directive, String text, int firstLine) {
	}

	/** The state of parsing one file. */
	private final class FileParse {

		private final String location;

		private final String text;

		private final Map<SqlHeaderKey, Directive> headers = new EnumMap<>(SqlHeaderKey.class);

		private final Map<Direction, Section> sections = new EnumMap<>(Direction.class);

		private String id = "";

		private List<String> revises = List.of();

		private List<String> branchLabels = List.of();

		private List<String> dependsOn = List.of();

		private String message = "";

		private Phase phase = Phase.EXPAND;

		private boolean transactional = true;

		private boolean replacePlaceholders = true;

		private boolean repeatable;

		private Optional<Duration> lockTimeout = Optional.empty();

		private Optional<Duration> statementTimeout = Optional.empty();

		private final BackfillHeader backfill = new BackfillHeader();

		FileParse(String location, String text) {
			this.location = location;
			this.text = text;
		}

		Revision revision() {
			List<Line> lines = Line.of(this.text);
			Directive openSection = null;
			int sectionStart = 0;
			int sectionFirstLine = 1;
			for (Line line : lines) {
				Origin at = at(line.number());
				Optional<Directive> read = Directive.read(this.text.substring(line.start(), line.end()), at);
				if (read.isEmpty()) {
					continue;
				}
				Directive directive = read.get();
				Optional<Direction> direction = section(directive);
				if (direction.isPresent()) {
					if (openSection == null) {
						requireNoSqlBefore(line.start());
					}
					else {
						closeSection(openSection, sectionStart, line.start(), sectionFirstLine);
					}
					openSection(direction.get(), directive);
					openSection = directive;
					sectionStart = line.next();
					sectionFirstLine = line.number() + 1;
				}
				else if (openSection == null) {
					header(directive);
				}
				else if (!AllowComment.isAllow(directive)) {
					// An allow comment is read with the statements it belongs to
					// (SqlStatementSplitter).
					misplaced(directive, openSection);
				}
			}
			if (openSection == null) {
				requireNoSqlBefore(this.text.length());
			}
			else {
				closeSection(openSection, sectionStart, this.text.length(), sectionFirstLine);
			}
			return build(lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number());
		}

		private Optional<Direction> section(Directive directive) {
			Optional<Direction> direction = Arrays.stream(Direction.values())
				.filter((candidate) -> candidate.label().equals(directive.key()))
				.findFirst();
			if (direction.isPresent() && !directive.value().isEmpty()) {
				throw new RevisionSourceException(ErrorCode.MALFORMED_HEADER,
						directive.at() + ": " + directive.written() + " is followed by '" + directive.value()
								+ "', but it takes no value. Put the SQL on the lines " + "after " + directive.written()
								+ ".");
			}
			return direction;
		}

		private void requireNoSqlBefore(int end) {
			OptionalInt sqlLine = SqlRevisionParser.this.splitter.firstContentLine(this.location,
					this.text.substring(0, end), 1);
			if (sqlLine.isPresent()) {
				throw new RevisionSourceException(ErrorCode.SQL_BEFORE_UPGRADE, at(sqlLine.getAsInt())
						+ ": SQL comes before -- migrator:upgrade; only header lines, comments and blank lines may. "
						+ "Move the SQL below -- migrator:upgrade (or -- migrator:downgrade), or make it a comment.");
			}
		}

		private void openSection(Direction direction, Directive directive) {
			Section earlier = this.sections.get(direction);
			if (earlier != null) {
				throw new RevisionSourceException(ErrorCode.DUPLICATE_SECTION,
						directive.at() + ": a second " + directive.written() + " section (the first is on line "
								+ earlier.directive().at().line() + "). Merge the two into one section.");
			}
			if (direction == Direction.DOWNGRADE && !this.sections.containsKey(Direction.UPGRADE)) {
				throw new RevisionSourceException(ErrorCode.DOWNGRADE_BEFORE_UPGRADE, directive.at()
						+ ": -- migrator:downgrade comes before -- migrator:upgrade. Put the upgrade section first, "
						+ "then the downgrade section.");
			}
			// A placeholder marks the section as seen; closeSection replaces it with the
			// section's text.
			this.sections.put(direction, new Section(directive, "", 0));
		}

		private void closeSection(Directive directive, int start, int end, int firstLine) {
			Direction direction = section(directive).orElseThrow();
			this.sections.put(direction, new Section(directive, this.text.substring(start, end), firstLine));
		}

		private void header(Directive directive) {
			if (AllowComment.isAllow(directive)) {
				throw new RevisionSourceException(ErrorCode.ALLOW_OUTSIDE_SECTION, directive.at() + ": "
						+ directive.written() + " is in the header, where there is no statement to allow. Put it "
						+ "inside the upgrade or downgrade section, on the line directly before the statement it allows.");
			}
			SqlHeaderKey key = SqlHeaderKey.of(directive.key()).orElseThrow(() -> unknownHeaderKey(directive));
			Directive earlier = this.headers.putIfAbsent(key, directive);
			if (earlier != null) {
				throw new RevisionSourceException(ErrorCode.DUPLICATE_HEADER_KEY,
						directive.at() + ": " + directive.written() + " is given twice (first on line "
								+ earlier.at().line() + "). Keep one of the two lines"
								+ (key.isList() ? "; list several values on one line, separated by commas." : "."));
			}
			if (directive.value().isEmpty()) {
				throw new RevisionSourceException(ErrorCode.MALFORMED_HEADER,
						directive.at() + ": " + directive.written()
								+ " has no value. Write the value after the key, as in " + key.exampleLine() + ".");
			}
			Origin at = directive.at();
			String label = key.label();
			String value = directive.value();
			if (key.isBackfill()) {
				this.backfill.read(key, directive);
				return;
			}
			switch (key) {
				case REVISION -> this.id = HeaderValues.id(at, label, value);
				case REVISES -> this.revises = HeaderValues.ids(at, label, commaList(value));
				case MESSAGE -> this.message = value;
				case PHASE -> this.phase = HeaderValues.phase(at, label, value);
				case TRANSACTIONAL -> this.transactional = HeaderValues.bool(at, label, value);
				case PLACEHOLDERS -> this.replacePlaceholders = HeaderValues.bool(at, label, value);
				case REPEATABLE -> this.repeatable = HeaderValues.bool(at, label, value);
				case BRANCH_LABELS -> this.branchLabels = HeaderValues.labels(at, label, commaList(value));
				case DEPENDS_ON -> this.dependsOn = HeaderValues.ids(at, label, commaList(value));
				case LOCK_TIMEOUT -> this.lockTimeout = Optional.of(HeaderValues.duration(at, label, value));
				case STATEMENT_TIMEOUT -> this.statementTimeout = Optional.of(HeaderValues.duration(at, label, value));
			}
		}

		private RevisionSourceException unknownHeaderKey(Directive directive) {
			List<String> valid = Stream.concat(SqlHeaderKey.labels().stream(), sectionKeys().stream()).toList();
			String suggestion = SpellingSuggestion.closest(directive.name(), valid)
				.map((key) -> "Did you mean -- migrator:" + key + "? ")
				.orElse("");
			return new RevisionSourceException(ErrorCode.UNKNOWN_HEADER_KEY,
					directive.at() + ": unknown header key '" + directive.name() + "'. " + suggestion
							+ "Valid keys are " + String.join(", ", valid)
							+ "; write ordinary comments without 'migrator:'.");
		}

		private void misplaced(Directive directive, Directive section) {
			if (SqlHeaderKey.of(directive.key()).isPresent()) {
				throw new RevisionSourceException(ErrorCode.HEADER_IN_SECTION,
						directive.at() + ": the header line " + directive.written() + " is inside the " + section.key()
								+ " section. Move it above -- migrator:upgrade.");
			}
			List<String> inSection = Stream.concat(sectionKeys().stream(), Stream.of(AllowComment.KEY)).toList();
			String suggestion = SpellingSuggestion.closest(directive.name(), inSection)
				.map((key) -> "Did you mean -- migrator:" + key + "? ")
				.orElse("");
			throw new RevisionSourceException(ErrorCode.UNKNOWN_DIRECTIVE,
					directive.at() + ": unknown directive " + directive.written() + " inside the " + section.key()
							+ " section. " + suggestion + "Only "
							+ String.join(", ", inSection.stream().map((key) -> "-- migrator:" + key).toList())
							+ " may appear here; write ordinary comments without 'migrator:'.");
		}

		private Revision build(int lastLine) {
			Directive revision = this.headers.get(SqlHeaderKey.REVISION);
			if (revision == null) {
				throw new RevisionSourceException(ErrorCode.MISSING_REVISION_HEADER,
						at(1) + ": the file has no -- migrator:revision header. Add one as the first line, such as "
								+ "-- migrator:revision " + suggestedId() + ".");
			}
			checkNotSelfReferencing(SqlHeaderKey.REVISES, this.revises);
			checkNotSelfReferencing(SqlHeaderKey.DEPENDS_ON, this.dependsOn);
			Section upgrade = this.sections.get(Direction.UPGRADE);
			// A revision may be only a backfill declaration: its schema change, if any,
			// came earlier.
			Optional<dev.migrator.core.script.Backfill> backfill = this.backfill.backfill();
			if (upgrade == null && backfill.isEmpty()) {
				throw new RevisionSourceException(ErrorCode.MISSING_UPGRADE_SECTION, at(lastLine)
						+ ": the file has no -- migrator:upgrade section. Add a line -- migrator:upgrade after the "
						+ "header, followed by the upgrade SQL.");
			}
			List<SqlStatement> upgradeStatements = (upgrade != null) ? statements(upgrade) : List.of();
			// A merge revision often only joins branches: its empty upgrade is the whole
			// change, not a forgotten one.
			boolean merge = this.revises.size() > 1;
			if (upgradeStatements.isEmpty() && backfill.isEmpty() && !merge) {
				throw new RevisionSourceException(ErrorCode.EMPTY_UPGRADE_SECTION, upgrade.directive().at()
						+ ": the upgrade section has no SQL statements. Write the upgrade SQL on the lines after "
						+ "-- migrator:upgrade.");
			}
			Optional<Section> downgrade = Optional.ofNullable(this.sections.get(Direction.DOWNGRADE));
			if (this.repeatable) {
				checkRepeatable(downgrade, backfill.isPresent());
			}
			RevisionHeader header = new RevisionHeader(this.id, this.revises, this.branchLabels, this.dependsOn,
					this.message, this.phase, this.transactional, this.lockTimeout, this.statementTimeout);
			Revision.Builder builder = header.toBuilder()
				.origin(revision.at())
				.checksum(Checksums.of(this.text))
				.upgrade(new MigrationBody.Sql(upgradeStatements))
				.repeatable(this.repeatable);
			backfill.ifPresent(builder::backfill);
			downgrade.ifPresent((section) -> builder.downgrade(new MigrationBody.Sql(statements(section))));
			return builder.build();
		}

		/**
		 * A repeatable revision stands outside the graph and is never undone: what would
		 * place it in the graph or undo it has no meaning there.
		 */
		private void checkRepeatable(Optional<Section> downgrade, boolean backfill) {
			Directive repeatable = this.headers.get(SqlHeaderKey.REPEATABLE);
			String why = null;
			Origin at = repeatable.at();
			if (!this.revises.isEmpty()) {
				at = this.headers.get(SqlHeaderKey.REVISES).at();
				why = "has a -- migrator:revises header, but a repeatable revision has no parent: it runs after "
						+ "the other revisions of every upgrade whose result reaches the heads. Remove the revises line "
						+ "(order repeatable revisions among themselves with depends-on)";
			}
			else if (!this.branchLabels.isEmpty()) {
				at = this.headers.get(SqlHeaderKey.BRANCH_LABELS).at();
				why = "has branch labels, but a repeatable revision starts no branch. Remove the branch-labels line";
			}
			else if (downgrade.isPresent()) {
				at = downgrade.get().directive().at();
				why = "has a downgrade section, but a repeatable revision is never downgraded. Remove the section "
						+ "(undo its objects in an ordinary revision if they must go)";
			}
			else if (backfill) {
				why = "declares a backfill, but a repeatable revision runs again whenever it changes. Declare the "
						+ "backfill in an ordinary revision";
			}
			if (why != null) {
				throw new RevisionSourceException(ErrorCode.INVALID_REPEATABLE,
						at + ": repeatable revision " + this.id + " " + why + ".");
			}
		}

		private void checkNotSelfReferencing(SqlHeaderKey key, List<String> ids) {
			Directive directive = this.headers.get(key);
			if (directive != null) {
				HeaderValues.requireNotListed(directive.at(), this.id, key.label(), ids);
			}
		}

		private List<SqlStatement> statements(Section section) {
			List<SqlStatement> statements = SqlRevisionParser.this.splitter.split(this.location, section.text(),
					section.firstLine());
			return this.replacePlaceholders ? statements.stream().map(this::replaced).toList() : statements;
		}

		// Statement by statement, after splitting: a value is part of one statement, and
		// cannot end it or open a quote that swallows the next.
		private SqlStatement replaced(SqlStatement statement) {
			Placeholders.Result result = SqlRevisionParser.this.placeholders.replace(statement.sql());
			if (result.unknown().isPresent()) {
				throw unknownPlaceholder(statement, result.unknown().get());
			}
			String sql = result.text().orElseThrow();
			return sql.equals(statement.sql()) ? statement
					: new SqlStatement(sql, statement.line(), statement.allowances());
		}

		private RevisionSourceException unknownPlaceholder(SqlStatement statement, Placeholders.Unknown unknown) {
			Placeholders placeholders = SqlRevisionParser.this.placeholders;
			String suggestion = SpellingSuggestion.closest(unknown.name(), List.copyOf(placeholders.names()))
				.map((name) -> "Did you mean ${" + name + "}? ")
				.orElse("");
			String known = placeholders.names().isEmpty() ? "No placeholder has a value. "
					: "The placeholders with a value are " + String.join(", ", placeholders.names()) + ". ";
			return new RevisionSourceException(ErrorCode.UNKNOWN_PLACEHOLDER,
					at(statement.line() + unknown.line() - 1) + ": ${" + unknown.name()
							+ "} is a placeholder without a value. " + suggestion + known + "Set migrator.placeholders."
							+ unknown.name() + " (MigratorConfig.Builder.placeholder in code), or, when the text is "
							+ "not a placeholder, add -- migrator:placeholders false to the file's header.");
		}

		/**
		 * The file name without {@code .sql}, if that would be a valid id, as the id to
		 * suggest.
		 */
		private String suggestedId() {
			int nameStart = Math.max(this.location.lastIndexOf('/'), this.location.lastIndexOf(':')) + 1;
			String name = this.location.substring(nameStart);
			String stem = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
			return HeaderValues.isId(stem) ? stem : "0001_init";
		}

		private Origin at(int line) {
			return Origin.file(this.location).atLine(line);
		}

	}

	private static List<String> commaList(String value) {
		return Arrays.stream(value.split(",", -1)).map(String::strip).toList();
	}

	private static List<String> sectionKeys() {
		return Arrays.stream(Direction.values()).map(Direction::label).toList();
	}

}
