package dev.migrator.core.dialect;

import dev.migrator.core.op.AddColumn;
import dev.migrator.core.op.AddNotNull;
import dev.migrator.core.op.AlterColumn;
import dev.migrator.core.op.BatchAlterTable;
import dev.migrator.core.op.Column;
import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.CreateIndex;
import dev.migrator.core.op.CreateTable;
import dev.migrator.core.op.DropColumn;
import dev.migrator.core.op.DropConstraint;
import dev.migrator.core.op.DropIndex;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.PrimaryKeyConstraint;
import dev.migrator.core.op.RenameColumn;
import dev.migrator.core.op.SafeOperation;
import dev.migrator.core.op.ServerDefault;
import dev.migrator.core.op.StandardType;
import dev.migrator.core.op.TableConstraint;
import dev.migrator.core.op.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders operations for SQLite: what its ALTER TABLE can do (add, rename and drop plain
 * columns, rename tables) directly, everything else through {@link SqliteTableRebuild}.
 */
final class SqliteDdl extends StandardDdl {

	private final SqliteTableRebuild rebuild = new SqliteTableRebuild(this);

	SqliteDdl(Dialect dialect) {
		super(dialect);
	}

	@Override
	String type(ColumnType type, Subject subject) {
		if (type instanceof StandardType standard) {
			return switch (standard) {
				case INTEGER -> "INTEGER";
				case BIGINT -> "BIGINT";
				case SMALLINT -> "SMALLINT";
				case TEXT -> "TEXT";
				case BOOLEAN -> "BOOLEAN";
				case DATE -> "DATE";
				case TIMESTAMP -> "TIMESTAMP";
				case TIMESTAMPTZ -> "TIMESTAMPTZ";
				// TEXT affinity: a UUID's text is never read as a number.
				case UUID -> "CHAR(36)";
				case JSON -> "JSON";
				case BYTES -> "BLOB";
				case JSONB ->
					throw unsupported(subject, "the type jsonb cannot be expressed on sqlite (SQLite stores JSON "
							+ "as text; its binary JSONB is a function result, not a column type). Use json(), or branch on op.dialect().");
			};
		}
		if (type instanceof ColumnType.Varchar varchar) {
			return "VARCHAR(" + varchar.length() + ")";
		}
		if (type instanceof ColumnType.Numeric numeric) {
			return "NUMERIC(" + numeric.precision() + ", " + numeric.scale() + ")";
		}
		if (type instanceof ColumnType.EnumType enumType) {
			throw unsupported(subject,
					"the type " + enumType.describe() + " cannot be expressed on sqlite, which has no "
							+ "enum types. Use text() with a check constraint, or branch on op.dialect().");
		}
		return ((ColumnType.Custom) type).sql();
	}

	@Override
	String identity(Column column, Subject subject) {
		if (column.generation() == Identity.NONE) {
			return "";
		}
		throw unsupported(subject, "sqlite generates values only for a table's single INTEGER PRIMARY KEY column, "
				+ "declared in createTable with primaryKey().identity().");
	}

	@Override
	String defaultClause(ServerDefault value) {
		if (value instanceof ServerDefault.Expression expression) {
			// SQLite accepts any expression as a default only in parentheses.
			return "DEFAULT (" + expression.sql() + ")";
		}
		return "DEFAULT " + literal(((ServerDefault.Literal) value).value());
	}

	@Override
	List<RenderedStatement> createTable(CreateTable operation) {
		List<Column> generated = operation.columns().stream().filter((c) -> c.generation() != Identity.NONE).toList();
		if (generated.isEmpty()) {
			return super.createTable(operation);
		}
		Column identity = generated.get(0);
		Subject subject = Subject.of(operation.describe()).column(identity.name());
		Optional<TableConstraint> primaryKey = operation.constraints()
			.stream()
			.filter((c) -> c instanceof PrimaryKeyConstraint)
			.findFirst();
		boolean integer = identity.type() == StandardType.INTEGER || identity.type() == StandardType.BIGINT
				|| identity.type() == StandardType.SMALLINT;
		if (generated.size() > 1 || primaryKey.isEmpty() || !primaryKey.get().columns().equals(List.of(identity.name()))
				|| !integer) {
			throw unsupported(subject,
					"sqlite generates values only for a single integer primary key column; make " + identity.name()
							+ " the table's only primary key column with an integer type, or drop identity().");
		}
		List<String> parts = new ArrayList<>();
		for (Column column : operation.columns()) {
			parts.add((column == identity)
					// INTEGER exactly makes it the rowid; AUTOINCREMENT never reuses a
					// value, as an identity does not.
					? q(column.name()) + " INTEGER NOT NULL CONSTRAINT " + q(primaryKey.get().requireName())
							+ " PRIMARY KEY AUTOINCREMENT"
					: columnDefinition(column, Subject.of(operation.describe()).column(column.name())));
		}
		for (TableConstraint constraint : operation.constraints()) {
			if (constraint != primaryKey.get()) {
				parts.add(constraintDefinition(constraint));
			}
		}
		return List
			.of(RenderedStatement.of("CREATE TABLE " + q(operation.table()) + " (" + String.join(", ", parts) + ")"));
	}

	@Override
	List<RenderedStatement> addColumn(AddColumn operation, RenderContext context) {
		if (!addsNatively(operation)) {
			return this.rebuild.render(operation.describe(), operation.table(), List.of(operation), context);
		}
		Subject subject = Subject.of(operation.describe()).column(operation.column().name());
		return List.of(RenderedStatement.of("ALTER TABLE " + q(operation.table()) + " ADD COLUMN "
				+ columnDefinition(operation.column(), subject)));
	}

	/**
	 * SQLite's ADD COLUMN refuses a NOT NULL column without a default and a default that
	 * is not a constant; a rebuild takes both (and fails only if existing rows would be
	 * NULL).
	 */
	private static boolean addsNatively(AddColumn operation) {
		Column column = operation.column();
		boolean expressionDefault = column.serverDefault()
			.filter((d) -> d instanceof ServerDefault.Expression)
			.isPresent();
		return !expressionDefault && (column.nullable() || column.serverDefault().isPresent());
	}

	@Override
	List<RenderedStatement> dropColumn(DropColumn operation, RenderContext context) {
		boolean natively = !context.schema().isLive() || context.schema()
			.table(operation.table())
			.map((t) -> this.rebuild.dropsNatively(t, operation.column()))
			.orElse(true);
		if (natively) {
			return List.of(RenderedStatement
				.of("ALTER TABLE " + q(operation.table()) + " DROP COLUMN " + q(operation.column())));
		}
		return this.rebuild.render(operation.describe(), operation.table(), List.of(operation), context);
	}

	@Override
	List<RenderedStatement> alterColumn(AlterColumn operation, RenderContext context) {
		if (isCommentOnly(operation)) {
			// SQLite keeps no column comments.
			return List.of();
		}
		return this.rebuild.render(operation.describe(), operation.table(), List.of(operation), context);
	}

	private static boolean isCommentOnly(AlterColumn operation) {
		return operation.type().isEmpty() && operation.nullable().isEmpty() && operation.serverDefault().isEmpty();
	}

	@Override
	List<RenderedStatement> addConstraint(Operation operation, String table, TableConstraint constraint,
			boolean notValid, RenderContext context) {
		// No NOT VALID state on SQLite: the rebuild adds the constraint and checks the
		// foreign keys of every row.
		return this.rebuild.render(operation.describe(), table, List.of(operation), context);
	}

	@Override
	List<RenderedStatement> dropConstraint(DropConstraint operation, RenderContext context) {
		return this.rebuild.render(operation.describe(), operation.table(), List.of(operation), context);
	}

	@Override
	List<RenderedStatement> validateConstraint(ValidateConstraint operation) {
		// Constraints are valid from the start on SQLite: nothing to validate.
		return List.of();
	}

	@Override
	List<RenderedStatement> enumType(Operation operation, RenderContext context) {
		throw unsupported(Subject.of(operation.describe()), "sqlite has no enum types. Use a text column with a check "
				+ "constraint there, or branch on op.dialect().");
	}

	@Override
	List<RenderedStatement> batch(BatchAlterTable operation, RenderContext context) {
		if (operation.operations().stream().allMatch(SqliteDdl::alteredNatively)) {
			List<RenderedStatement> statements = new ArrayList<>();
			for (Operation each : operation.operations()) {
				statements.addAll(render(each, context));
			}
			return statements;
		}
		return this.rebuild.render(operation.describe(), operation.table(), operation.operations(), context);
	}

	/** Operations SQLite performs in place whatever the table looks like. */
	private static boolean alteredNatively(Operation operation) {
		return (operation instanceof AddColumn add && addsNatively(add)) || operation instanceof RenameColumn
				|| operation instanceof CreateIndex || operation instanceof DropIndex
				|| (operation instanceof AlterColumn alter && isCommentOnly(alter));
	}

	@Override
	List<RenderedStatement> addNotNull(AddNotNull operation, RenderContext context) {
		// One writer at a time and no NOT VALID state: the rebuild checks the rows as it
		// copies them.
		return alterColumn(AlterColumn.of(operation.table(), operation.column()).notNull(), context);
	}

	@Override
	List<RenderedStatement> safely(SafeOperation operation, RenderContext context) {
		return render(operation.operation(), context);
	}

	@Override
	boolean writesConcurrently() {
		return false;
	}

}
