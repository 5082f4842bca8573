package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/**
 * Changes a column's type (with an optional {@code USING} expression), nullability,
 * server default or comment. Build it with {@link #of} and the methods here. The
 * {@code existing…} values describe the column before the change; give them for every
 * aspect changed to make the operation reversible.
 *
 * @param table the table
 * @param column the column
 * @param type the new type
 * @param using how PostgreSQL converts the values ({@code USING}); on SQLite the
 * expression the rebuild copies
 * @param nullable whether the column accepts NULL afterwards
 * @param serverDefault the default set or dropped
 * @param comment the new comment; an empty string removes it
 * @param existingType the type before
 * @param existingNullable the nullability before
 * @param existingServerDefault the default before
 * @param existingComment the comment before
 */
public record AlterColumn(String table, String column, Optional<ColumnType> type, Optional<String> using,
		Optional<Boolean> nullable, Optional<DefaultChange> serverDefault, Optional<String> comment,
		Optional<ColumnType> existingType, Optional<Boolean> existingNullable,
		Optional<DefaultChange> existingServerDefault, Optional<String> existingComment) implements Operation {

	public AlterColumn {
		Identifiers.require("alterColumn", "table name", table);
		Identifiers.require("alterColumn", "column name", column);
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(using, "using");
		Objects.requireNonNull(nullable, "nullable");
		Objects.requireNonNull(serverDefault, "serverDefault");
		Objects.requireNonNull(comment, "comment");
		Objects.requireNonNull(existingType, "existingType");
		Objects.requireNonNull(existingNullable, "existingNullable");
		Objects.requireNonNull(existingServerDefault, "existingServerDefault");
		Objects.requireNonNull(existingComment, "existingComment");
		using = using.map((u) -> Identifiers.requireSql("alterColumn " + table + "." + column, "USING expression", u));
		if (using.isPresent() && type.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION, "alterColumn " + table + "." + column
					+ ": a USING expression converts values to a new type; give the type too.");
		}
	}

	/** An alteration of {@code table.column} that changes nothing yet. */
	public static AlterColumn of(String table, String column) {
		return new AlterColumn(table, column, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

	public AlterColumn type(ColumnType newType) {
		return new AlterColumn(this.table, this.column, Optional.of(newType), this.using, this.nullable,
				this.serverDefault, this.comment, this.existingType, this.existingNullable, this.existingServerDefault,
				this.existingComment);
	}

	/**
	 * A new type and the SQL expression that converts each value, e.g.
	 * {@code amount::bigint}.
	 */
	public AlterColumn type(ColumnType newType, String usingExpression) {
		return new AlterColumn(this.table, this.column, Optional.of(newType), Optional.of(usingExpression),
				this.nullable, this.serverDefault, this.comment, this.existingType, this.existingNullable,
				this.existingServerDefault, this.existingComment);
	}

	public AlterColumn notNull() {
		return nullable(false);
	}

	public AlterColumn dropNotNull() {
		return nullable(true);
	}

	public AlterColumn nullable(boolean value) {
		return new AlterColumn(this.table, this.column, this.type, this.using, Optional.of(value), this.serverDefault,
				this.comment, this.existingType, this.existingNullable, this.existingServerDefault,
				this.existingComment);
	}

	public AlterColumn serverDefault(ServerDefault value) {
		return withDefault(DefaultChange.setTo(value));
	}

	public AlterColumn dropServerDefault() {
		return withDefault(DefaultChange.dropped());
	}

	private AlterColumn withDefault(DefaultChange change) {
		return new AlterColumn(this.table, this.column, this.type, this.using, this.nullable, Optional.of(change),
				this.comment, this.existingType, this.existingNullable, this.existingServerDefault,
				this.existingComment);
	}

	/** Sets the column's comment; an empty string removes it. */
	public AlterColumn comment(String text) {
		return new AlterColumn(this.table, this.column, this.type, this.using, this.nullable, this.serverDefault,
				Optional.of(text), this.existingType, this.existingNullable, this.existingServerDefault,
				this.existingComment);
	}

	public AlterColumn existingType(ColumnType before) {
		return new AlterColumn(this.table, this.column, this.type, this.using, this.nullable, this.serverDefault,
				this.comment, Optional.of(before), this.existingNullable, this.existingServerDefault,
				this.existingComment);
	}

	public AlterColumn existingNullable(boolean before) {
		return new AlterColumn(this.table, this.column, this.type, this.using, this.nullable, this.serverDefault,
				this.comment, this.existingType, Optional.of(before), this.existingServerDefault, this.existingComment);
	}

	public AlterColumn existingServerDefault(ServerDefault before) {
		return withExistingDefault(DefaultChange.setTo(before));
	}

	/**
	 * Says that the column had no default before, so that the reverse drops the one set.
	 */
	public AlterColumn existingNoServerDefault() {
		return withExistingDefault(DefaultChange.dropped());
	}

	private AlterColumn withExistingDefault(DefaultChange before) {
		return new AlterColumn(this.table, this.column, this.type, this.using, this.nullable, this.serverDefault,
				this.comment, this.existingType, this.existingNullable, Optional.of(before), this.existingComment);
	}

	/** The comment before; an empty string for none. */
	public AlterColumn existingComment(String before) {
		return new AlterColumn(this.table, this.column, this.type, this.using, this.nullable, this.serverDefault,
				this.comment, this.existingType, this.existingNullable, this.existingServerDefault,
				Optional.of(before));
	}

	/**
	 * Whether it changes anything that needs a statement (a comment alone does not on
	 * SQLite).
	 */
	public boolean changesAnything() {
		return this.type.isPresent() || this.nullable.isPresent() || this.serverDefault.isPresent()
				|| this.comment.isPresent();
	}

	@Override
	public Optional<Operation> reverse() {
		if ((this.type.isPresent() && this.existingType.isEmpty())
				|| (this.nullable.isPresent() && this.existingNullable.isEmpty())
				|| (this.serverDefault.isPresent() && this.existingServerDefault.isEmpty())
				|| (this.comment.isPresent() && this.existingComment.isEmpty()) || !changesAnything()) {
			return Optional.empty();
		}
		return Optional.of(new AlterColumn(this.table, this.column, this.type.flatMap((t) -> this.existingType),
				Optional.empty(), this.nullable.flatMap((n) -> this.existingNullable),
				this.serverDefault.flatMap((d) -> this.existingServerDefault),
				this.comment.flatMap((c) -> this.existingComment), this.type, this.nullable, this.serverDefault,
				this.comment));
	}

	@Override
	public String describe() {
		return "alterColumn " + this.table + "." + this.column;
	}

}
