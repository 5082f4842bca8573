package dev.migrator.core.script;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.sql.DurationText;
import dev.migrator.core.sql.SqlLexer;
import dev.migrator.core.sql.SqlToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code backfill*} lines of a SQL revision file's header: each value is checked as
 * its line is read, so that an error points at that line, and the whole declaration once
 * the header is complete.
 */
final class BackfillHeader {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

	// A name the batches quote as one identifier: no spaces, quotes or separators that
	// would suggest more.
	private static final Pattern IDENTIFIER = Pattern.compile("[^\\s\"'`,;.()]+");

	private static final Pattern BATCH_SIZE = Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?");

	private static final List<SqlHeaderKey> REQUIRED = List.of(SqlHeaderKey.BACKFILL_TABLE, SqlHeaderKey.BACKFILL_KEY,
			SqlHeaderKey.BACKFILL_SET);

	private final Map<SqlHeaderKey, Directive> lines = new EnumMap<>(SqlHeaderKey.class);

	private final Backfill.Builder values = Backfill.builder("unnamed");

	private String name = "";

	/** Checks and keeps one {@code backfill*} line's value. */
	void read(SqlHeaderKey key, Directive directive) {
		this.lines.put(key, directive);
		Origin at = directive.at();
		String label = key.label();
		String value = directive.value();
		switch (key) {
			case BACKFILL -> this.name = name(at, label, value);
			case BACKFILL_TABLE -> this.values.table(table(at, label, value));
			case BACKFILL_KEY -> this.values.key(columns(at, label, value));
			case BACKFILL_SET -> this.values.set(expression(at, label, withoutTrailingComment(at, label, value)));
			case BACKFILL_WHERE -> this.values.where(withoutTrailingComment(at, label, value));
			case BACKFILL_BATCH_SIZE -> this.values.batchSize(batchSize(at, label, value));
			case BACKFILL_TARGET_DURATION -> this.values.targetDuration(positive(at, label, value));
			case BACKFILL_PAUSE -> this.values.pause(HeaderValues.duration(at, label, value));
			case BACKFILL_MAX_LAG -> this.values.maxLag(maxLag(at, label, value));
			default -> throw new IllegalArgumentException(key + " is not a backfill header key");
		}
	}

	/** The declared backfill; empty when the header has no {@code backfill*} line. */
	Optional<Backfill> backfill() {
		if (this.lines.isEmpty()) {
			return Optional.empty();
		}
		Directive named = this.lines.get(SqlHeaderKey.BACKFILL);
		if (named == null) {
			Directive first = this.lines.values()
				.stream()
				.min((a, b) -> Integer.compare(a.at().line(), b.at().line()))
				.orElseThrow();
			throw new RevisionSourceException(ErrorCode.BACKFILL_WITHOUT_NAME,
					first.at() + ": " + first.written()
							+ " is given, but no -- migrator:backfill line names the backfill. Add one, such as "
							+ SqlHeaderKey.BACKFILL.exampleLine() + ".");
		}
		List<String> missing = REQUIRED.stream()
			.filter((key) -> !this.lines.containsKey(key))
			.map((key) -> "-- migrator:" + key.label())
			.toList();
		if (!missing.isEmpty()) {
			throw new RevisionSourceException(ErrorCode.INCOMPLETE_BACKFILL,
					named.at() + ": backfill " + this.name + " lacks " + String.join(", ", missing)
							+ ". A backfill needs its table, key and SET expression, " + "as in "
							+ SqlHeaderKey.BACKFILL_TABLE.exampleLine() + ", " + SqlHeaderKey.BACKFILL_KEY.exampleLine()
							+ " and " + SqlHeaderKey.BACKFILL_SET.exampleLine() + ".");
		}
		Backfill partial = this.values.build();
		return Optional.of(new Backfill(this.name, partial.table(), partial.keyColumns(), partial.action(),
				partial.where(), partial.batchSize(), partial.targetDuration(), partial.pause(), partial.maxLag()));
	}

	private static String name(Origin at, String key, String value) {
		if (!NAME.matcher(value).matches()) {
			throw new RevisionSourceException(ErrorCode.INVALID_BACKFILL_NAME, at + ": " + key + " '" + value
					+ "' is not a valid backfill name. Rename it: use only letters, digits, '_', '-' and '.', at most "
					+ "255 characters (for example users_status).");
		}
		return value;
	}

	private static String table(Origin at, String key, String value) {
		String[] parts = value.split("\\.", -1);
		if (parts.length > 2 || Arrays.stream(parts).anyMatch((part) -> !IDENTIFIER.matcher(part).matches())) {
			throw new RevisionSourceException(ErrorCode.INVALID_BACKFILL_TABLE, at + ": " + key + " '" + value
					+ "' is not a table name. Write the table's name, optionally with its schema, such as users or "
					+ "app.users.");
		}
		return value;
	}

	private static List<String> columns(Origin at, String key, String value) {
		List<String> columns = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String column : value.split(",", -1)) {
			String name = column.strip();
			if (name.isEmpty()) {
				throw new RevisionSourceException(ErrorCode.EMPTY_LIST_ENTRY,
						at + ": " + key + " has an empty entry. Remove the extra comma, or write the missing column.");
			}
			if (!IDENTIFIER.matcher(name).matches()) {
				throw new RevisionSourceException(ErrorCode.INVALID_BACKFILL_KEY,
						at + ": " + key + " '" + name
								+ "' is not a column name. List the key's columns separated by commas, such as id or "
								+ "tenant_id, id.");
			}
			if (!seen.add(name)) {
				throw new RevisionSourceException(ErrorCode.DUPLICATE_LIST_ENTRY,
						at + ": " + key + " lists " + name + " twice. Remove one of them.");
			}
			columns.add(name);
		}
		return columns;
	}

	/**
	 * The SQL of a SET or WHERE line without a comment after it: the expression goes
	 * inside the batch statement, where a {@code -- note} would comment out the rest of
	 * that statement. A comment left open runs past the line, so it is refused.
	 */
	private static String withoutTrailingComment(Origin at, String key, String value) {
		List<SqlToken> tokens = SqlLexer.POSTGRESQL.tokens(value);
		Optional<SqlToken> open = tokens.stream().filter((token) -> !token.terminated()).findFirst();
		if (open.isPresent()) {
			String what = switch (open.get().kind()) {
				case BLOCK_COMMENT -> "a comment that is not closed";
				case QUOTED_IDENTIFIER -> "a quoted name that is not closed";
				default -> "a string that is not closed";
			};
			throw new RevisionSourceException(
					(SqlHeaderKey.BACKFILL_SET.label().equals(key)) ? ErrorCode.INVALID_BACKFILL_SET
							: ErrorCode.INVALID_VALUE,
					at + ": " + key + " has " + what + " (" + open.get().text().strip()
							+ "). Close it on the same line, or remove it.");
		}
		int end = tokens.size();
		while (end > 0 && tokens.get(end - 1).isTrivia()) {
			end--;
		}
		return (end == 0) ? "" : value.substring(0, tokens.get(end - 1).end());
	}

	private static String expression(Origin at, String key, String value) {
		String trimmed = value.replaceAll("[;\\s]+$", "");
		if (trimmed.isEmpty()) {
			throw new RevisionSourceException(ErrorCode.INVALID_BACKFILL_SET,
					at + ": " + key + " has no assignment. Write what SET should do, such as status = 'active'.");
		}
		return trimmed;
	}

	private static BatchSizeBounds batchSize(Origin at, String key, String value) {
		Matcher matcher = BATCH_SIZE.matcher(value);
		String forms = "Write a number of rows such as 1000 (a fixed size), or bounds such as 100-10000 (adapted "
				+ "toward the target duration, starting at the lower bound).";
		if (!matcher.matches()) {
			throw new RevisionSourceException(ErrorCode.INVALID_BATCH_SIZE,
					at + ": " + key + " '" + value + "' is not a batch size. " + forms);
		}
		int min = rows(at, key, value, matcher.group(1), forms);
		if (matcher.group(2) == null) {
			return BatchSizeBounds.fixed(min);
		}
		int max = rows(at, key, value, matcher.group(2), forms);
		if (max < min) {
			throw new RevisionSourceException(ErrorCode.INVALID_BATCH_SIZE, at + ": " + key + " '" + value
					+ "' has its lower bound above its upper bound. Write the smaller number first, such as 100-10000.");
		}
		return BatchSizeBounds.between(min, max);
	}

	private static int rows(Origin at, String key, String value, String number, String forms) {
		long rows;
		try {
			rows = Long.parseLong(number);
		}
		catch (NumberFormatException ex) {
			rows = Long.MAX_VALUE;
		}
		if (rows < 1 || rows > Integer.MAX_VALUE) {
			throw new RevisionSourceException(ErrorCode.INVALID_BATCH_SIZE, at + ": " + key + " '" + value
					+ "' needs between 1 and " + Integer.MAX_VALUE + " rows per batch. " + forms);
		}
		return (int) rows;
	}

	private static Duration positive(Origin at, String key, String value) {
		Duration duration = HeaderValues.duration(at, key, value);
		if (duration.isZero()) {
			throw new RevisionSourceException(ErrorCode.INVALID_DURATION, at + ": " + key + " '" + value
					+ "' is zero. Give how long a batch should take, such as 500ms or 2s.");
		}
		return duration;
	}

	private static LagLimits maxLag(Origin at, String key, String value) {
		String forms = "Write a WAL size such as 16MB, a delay such as 10s, or both separated by a comma.";
		OptionalLong bytes = OptionalLong.empty();
		Optional<Duration> delay = Optional.empty();
		for (String part : value.split(",", -1)) {
			String limit = part.strip();
			if (limit.isEmpty()) {
				throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG,
						at + ": " + key + " '" + value + "' has an empty entry. " + forms);
			}
			if (ByteSizeText.looksLikeSize(limit)) {
				if (bytes.isPresent()) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG,
							at + ": " + key + " '" + value + "' gives two sizes. " + forms);
				}
				long size;
				try {
					size = ByteSizeText.parse(limit);
				}
				catch (ArithmeticException ex) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG,
							at + ": " + key + " '" + limit + "' is too large. " + forms, ex);
				}
				if (size == 0) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG, at + ": " + key + " '" + limit
							+ "' is zero, which would never let the backfill run. " + forms);
				}
				bytes = OptionalLong.of(size);
			}
			else {
				Duration duration;
				try {
					duration = DurationText.parse(limit);
				}
				catch (IllegalArgumentException | ArithmeticException ex) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG,
							at + ": " + key + " '" + limit + "' is neither a size nor a duration. " + forms, ex);
				}
				if (limit.chars().allMatch(Character::isDigit)) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG,
							at + ": " + key + " '" + limit + "' has no unit. " + forms);
				}
				if (delay.isPresent()) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG,
							at + ": " + key + " '" + value + "' gives two delays. " + forms);
				}
				if (duration.isZero() || duration.isNegative()) {
					throw new RevisionSourceException(ErrorCode.INVALID_MAX_LAG, at + ": " + key + " '" + limit
							+ "' is zero, which would never let the backfill run. " + forms);
				}
				delay = Optional.of(duration);
			}
		}
		return LagLimits.of(bytes, delay);
	}

}
