package dev.migrator.core.op;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates an index: {@code CreateIndex.on("users", "email").unique().concurrently()}.
 * Unnamed indexes over columns are named by the naming convention; an index with an
 * expression needs a name.
 *
 * @param name the exact name, or empty for the convention's
 * @param table the table
 * @param parts the columns and expressions, in order
 * @param uniqueIndex whether it is a unique index
 * @param where the condition of a partial index
 * @param concurrent whether PostgreSQL builds it without blocking writes
 * ({@code CONCURRENTLY}); such an index cannot be built inside a transaction
 * @param skipIfExists whether an existing index of that name is left alone
 * ({@code IF NOT EXISTS})
 */
public record CreateIndex(Optional<String> name, String table, List<IndexPart> parts, boolean uniqueIndex,
		Optional<String> where, boolean concurrent, boolean skipIfExists) implements Operation {

	public CreateIndex {
		Objects.requireNonNull(name, "name");
		name.ifPresent((n) -> Identifiers.require("createIndex", "index name", n));
		Identifiers.require("createIndex", "table name", table);
		if (parts.isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					"createIndex on " + table + ": give at least one column or expression.");
		}
		parts = List.copyOf(parts);
		Objects.requireNonNull(where, "where");
		where = where.map((w) -> Identifiers.requireSql("createIndex on " + table, "WHERE condition", w));
	}

	/**
	 * An index over columns of a table, named by the convention unless {@link #named} is
	 * used.
	 */
	public static CreateIndex on(String table, String... columns) {
		List<IndexPart> parts = new ArrayList<>();
		for (String column : columns) {
			parts.add(IndexPart.column(column));
		}
		return new CreateIndex(Optional.empty(), table, parts, false, Optional.empty(), false, false);
	}

	/**
	 * An index on an SQL expression, e.g. {@code lower(email)}; it needs a name
	 * ({@link #named}).
	 */
	public static CreateIndex onExpression(String table, String expression) {
		return new CreateIndex(Optional.empty(), table, List.of(IndexPart.expression(expression)), false,
				Optional.empty(), false, false);
	}

	public CreateIndex named(String indexName) {
		return new CreateIndex(Optional.of(indexName), this.table, this.parts, this.uniqueIndex, this.where,
				this.concurrent, this.skipIfExists);
	}

	/** Adds an expression element after the others, e.g. {@code lower(email)}. */
	public CreateIndex expression(String sql) {
		List<IndexPart> more = new ArrayList<>(this.parts);
		more.add(IndexPart.expression(sql));
		return new CreateIndex(this.name, this.table, more, this.uniqueIndex, this.where, this.concurrent,
				this.skipIfExists);
	}

	public CreateIndex unique() {
		return new CreateIndex(this.name, this.table, this.parts, true, this.where, this.concurrent, this.skipIfExists);
	}

	/** Makes it a partial index over the rows matching the SQL condition. */
	public CreateIndex where(String condition) {
		return new CreateIndex(this.name, this.table, this.parts, this.uniqueIndex, Optional.of(condition),
				this.concurrent, this.skipIfExists);
	}

	public CreateIndex concurrently() {
		return new CreateIndex(this.name, this.table, this.parts, this.uniqueIndex, this.where, true,
				this.skipIfExists);
	}

	public CreateIndex ifNotExists() {
		return new CreateIndex(this.name, this.table, this.parts, this.uniqueIndex, this.where, this.concurrent, true);
	}

	/** The indexed column names, for the naming convention. */
	public List<String> columnNames() {
		return this.parts.stream()
			.filter((p) -> p instanceof IndexPart.ColumnPart)
			.map((p) -> ((IndexPart.ColumnPart) p).name())
			.toList();
	}

	public String requireName() {
		return this.name.orElseThrow(() -> new IllegalStateException("The index on " + this.table
				+ " has no name; Operations names it through the naming convention first."));
	}

	@Override
	public Optional<Operation> reverse() {
		return this.name
			.map((n) -> new DropIndex(n, Optional.of(this.table), this.concurrent, false, Optional.of(this)));
	}

	@Override
	public boolean requiresAutocommit() {
		return this.concurrent;
	}

	@Override
	public String describe() {
		return "createIndex " + this.name.orElse("(unnamed)") + " on " + this.table;
	}

}
