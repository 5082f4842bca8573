package dev.migrator.core.dialect;

import dev.migrator.core.error.ErrorCode;

import dev.migrator.core.op.AddCheckConstraint;
import dev.migrator.core.op.AddColumn;
import dev.migrator.core.op.AddEnumValue;
import dev.migrator.core.op.AddForeignKey;
import dev.migrator.core.op.AddNotNull;
import dev.migrator.core.op.AddPrimaryKey;
import dev.migrator.core.op.AddUniqueConstraint;
import dev.migrator.core.op.AlterColumn;
import dev.migrator.core.op.BatchAlterTable;
import dev.migrator.core.op.BulkInsert;
import dev.migrator.core.op.CheckConstraint;
import dev.migrator.core.op.Column;
import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.CreateEnumType;
import dev.migrator.core.op.CreateIndex;
import dev.migrator.core.op.CreateTable;
import dev.migrator.core.op.DropColumn;
import dev.migrator.core.op.DropConstraint;
import dev.migrator.core.op.DropEnumType;
import dev.migrator.core.op.DropIndex;
import dev.migrator.core.op.DropTable;
import dev.migrator.core.op.Execute;
import dev.migrator.core.op.ForeignKeyConstraint;
import dev.migrator.core.op.IndexPart;
import dev.migrator.core.op.InvalidOperationException;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.PrimaryKeyConstraint;
import dev.migrator.core.op.ReferentialAction;
import dev.migrator.core.op.RenameColumn;
import dev.migrator.core.op.RenameEnumValue;
import dev.migrator.core.op.RenameTable;
import dev.migrator.core.op.SafeOperation;
import dev.migrator.core.op.ServerDefault;
import dev.migrator.core.op.TableConstraint;
import dev.migrator.core.op.UniqueConstraint;
import dev.migrator.core.op.UpdateRows;
import dev.migrator.core.op.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

// Over 300 lines: one render method per operation of the sealed operation family, shared by both dialects.
/**
 * The rendering both dialects share: the statements whose SQL is standard. Each dialect's
 * subclass decides types, defaults, and how (or whether) it alters columns and
 * constraints.
 */
abstract class StandardDdl {

	protected final Dialect dialect;

	StandardDdl(Dialect dialect) {
		this.dialect = dialect;
	}

	final List<RenderedStatement> render(Operation operation, RenderContext context) {
		if (operation instanceof CreateTable o) {
			return createTable(o);
		}
		if (operation instanceof DropTable o) {
			return List.of(RenderedStatement.of("DROP TABLE " + q(o.table())));
		}
		if (operation instanceof RenameTable o) {
			return List.of(RenderedStatement.of("ALTER TABLE " + q(o.from()) + " RENAME TO " + q(o.to())));
		}
		if (operation instanceof AddColumn o) {
			return addColumn(o, context);
		}
		if (operation instanceof DropColumn o) {
			return dropColumn(o, context);
		}
		if (operation instanceof AlterColumn o) {
			return alterColumn(o, context);
		}
		if (operation instanceof RenameColumn o) {
			return List.of(RenderedStatement.of(renameColumn(o)));
		}
		if (operation instanceof CreateIndex o) {
			return List.of(RenderedStatement.of(createIndex(o)));
		}
		if (operation instanceof DropIndex o) {
			return List.of(RenderedStatement.of(dropIndex(o)));
		}
		if (operation instanceof AddPrimaryKey o) {
			return addConstraint(o, o.table(), o.constraint(), false, context);
		}
		if (operation instanceof AddUniqueConstraint o) {
			return addConstraint(o, o.table(), o.constraint(), false, context);
		}
		if (operation instanceof AddCheckConstraint o) {
			return addConstraint(o, o.table(), o.constraint(), o.notValid(), context);
		}
		if (operation instanceof AddForeignKey o) {
			return addConstraint(o, o.table(), o.constraint(), o.notValid(), context);
		}
		if (operation instanceof DropConstraint o) {
			return dropConstraint(o, context);
		}
		if (operation instanceof ValidateConstraint o) {
			return validateConstraint(o);
		}
		if (operation instanceof CreateEnumType || operation instanceof AddEnumValue
				|| operation instanceof RenameEnumValue || operation instanceof DropEnumType) {
			return enumType(operation, context);
		}
		if (operation instanceof Execute o) {
			return List.of(RenderedStatement.of(o.sql(), o.parameters()));
		}
		if (operation instanceof BulkInsert o) {
			return bulkInsert(o);
		}
		if (operation instanceof UpdateRows o) {
			return List.of(updateRows(o));
		}
		if (operation instanceof AddNotNull o) {
			return addNotNull(o, context);
		}
		if (operation instanceof SafeOperation o) {
			return safely(o, context);
		}
		return batch((BatchAlterTable) operation, context);
	}

	abstract String type(ColumnType type, Subject subject);

	/** The column's identity clause, with its leading space; empty for none. */
	abstract String identity(Column column, Subject subject);

	/** {@code DEFAULT …}, without a leading space. */
	abstract String defaultClause(ServerDefault value);

	abstract List<RenderedStatement> addColumn(AddColumn operation, RenderContext context);

	abstract List<RenderedStatement> dropColumn(DropColumn operation, RenderContext context);

	abstract List<RenderedStatement> alterColumn(AlterColumn operation, RenderContext context);

	abstract List<RenderedStatement> addConstraint(Operation operation, String table, TableConstraint constraint,
			boolean notValid, RenderContext context);

	abstract List<RenderedStatement> dropConstraint(DropConstraint operation, RenderContext context);

	abstract List<RenderedStatement> validateConstraint(ValidateConstraint operation);

	abstract List<RenderedStatement> enumType(Operation operation, RenderContext context);

	abstract List<RenderedStatement> batch(BatchAlterTable operation, RenderContext context);

	/** The safe NOT NULL: where the database has no cheaper way, a plain alteration. */
	abstract List<RenderedStatement> addNotNull(AddNotNull operation, RenderContext context);

	/**
	 * The safe multi-step form of an operation; where the database has none, the plain
	 * one.
	 */
	abstract List<RenderedStatement> safely(SafeOperation operation, RenderContext context);

	/** Whether {@code CONCURRENTLY} is written into index statements. */
	abstract boolean writesConcurrently();

	List<RenderedStatement> createTable(CreateTable operation) {
		Subject subject = Subject.of(operation.describe());
		List<String> parts = new ArrayList<>();
		for (Column column : operation.columns()) {
			parts.add(columnDefinition(column, subject.column(column.name())));
		}
		for (TableConstraint constraint : operation.constraints()) {
			parts.add(constraintDefinition(constraint));
		}
		List<RenderedStatement> statements = new ArrayList<>();
		statements
			.add(RenderedStatement.of("CREATE TABLE " + q(operation.table()) + " (" + String.join(", ", parts) + ")"));
		statements.addAll(columnComments(operation.table(), operation.columns()));
		return statements;
	}

	/**
	 * Statements that store column comments; none where the database keeps no comments.
	 */
	List<RenderedStatement> columnComments(String table, List<Column> columns) {
		return List.of();
	}

	String columnDefinition(Column column, Subject subject) {
		StringBuilder sql = new StringBuilder(q(column.name())).append(' ').append(type(column.type(), subject));
		sql.append(identity(column, subject));
		column.serverDefault().ifPresent((d) -> sql.append(' ').append(defaultClause(d)));
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	String constraintDefinition(TableConstraint constraint) {
		String head = "CONSTRAINT " + q(constraint.requireName()) + " ";
		if (constraint instanceof PrimaryKeyConstraint pk) {
			return head + "PRIMARY KEY (" + names(pk.columns()) + ")";
		}
		if (constraint instanceof UniqueConstraint unique) {
			return head + "UNIQUE (" + names(unique.columns()) + ")";
		}
		if (constraint instanceof CheckConstraint check) {
			return head + "CHECK (" + check.condition() + ")";
		}
		ForeignKeyConstraint fk = (ForeignKeyConstraint) constraint;
		StringBuilder sql = new StringBuilder(head).append("FOREIGN KEY (")
			.append(names(fk.columns()))
			.append(") REFERENCES ")
			.append(q(fk.referredTable()))
			.append(" (")
			.append(names(fk.referredColumns()))
			.append(')');
		if (fk.onDelete() != ReferentialAction.NO_ACTION) {
			sql.append(" ON DELETE ").append(fk.onDelete().sql());
		}
		if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
			sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
		}
		return sql.toString();
	}

	String renameColumn(RenameColumn operation) {
		return "ALTER TABLE " + q(operation.table()) + " RENAME COLUMN " + q(operation.from()) + " TO "
				+ q(operation.to());
	}

	String createIndex(CreateIndex operation) {
		StringBuilder sql = new StringBuilder("CREATE ");
		if (operation.uniqueIndex()) {
			sql.append("UNIQUE ");
		}
		sql.append("INDEX ");
		if (operation.concurrent() && writesConcurrently()) {
			sql.append("CONCURRENTLY ");
		}
		if (operation.skipIfExists()) {
			sql.append("IF NOT EXISTS ");
		}
		sql.append(q(operation.requireName())).append(" ON ").append(q(operation.table())).append(" (");
		sql.append(operation.parts().stream().map(this::indexPart).collect(Collectors.joining(", "))).append(')');
		operation.where().ifPresent((w) -> sql.append(" WHERE ").append(w));
		return sql.toString();
	}

	private String indexPart(IndexPart part) {
		if (part instanceof IndexPart.ColumnPart column) {
			return q(column.name());
		}
		// Parenthesized, an expression is valid in an index on both databases whatever
		// its form.
		return "(" + ((IndexPart.ExpressionPart) part).sql() + ")";
	}

	String dropIndex(DropIndex operation) {
		StringBuilder sql = new StringBuilder("DROP INDEX ");
		if (operation.concurrent() && writesConcurrently()) {
			sql.append("CONCURRENTLY ");
		}
		if (operation.skipIfMissing()) {
			sql.append("IF EXISTS ");
		}
		return sql.append(q(operation.name())).toString();
	}

	private List<RenderedStatement> bulkInsert(BulkInsert operation) {
		String placeholders = operation.columns().stream().map((c) -> "?").collect(Collectors.joining(", "));
		String sql = "INSERT INTO " + q(operation.table()) + " (" + names(operation.columns()) + ") VALUES ("
				+ placeholders + ")";
		return operation.rows().stream().map((row) -> RenderedStatement.of(sql, row)).toList();
	}

	private RenderedStatement updateRows(UpdateRows operation) {
		if (operation.assignments().isEmpty()) {
			throw new InvalidOperationException(ErrorCode.INVALID_OPERATION,
					operation.describe() + " sets no column: add set(column, value).");
		}
		List<Object> parameters = new ArrayList<>();
		List<String> sets = new ArrayList<>();
		for (UpdateRows.Assignment assignment : operation.assignments()) {
			if (assignment.value() instanceof UpdateRows.Assignment.Expression expression) {
				sets.add(q(assignment.column()) + " = " + expression.sql());
			}
			else {
				sets.add(q(assignment.column()) + " = ?");
				parameters.add(((UpdateRows.Assignment.Bound) assignment.value()).value());
			}
		}
		StringBuilder sql = new StringBuilder("UPDATE ").append(q(operation.table()))
			.append(" SET ")
			.append(String.join(", ", sets));
		List<String> conditions = new ArrayList<>();
		for (UpdateRows.Condition condition : operation.conditions()) {
			if (condition.value() == null) {
				conditions.add(q(condition.column()) + " IS NULL");
			}
			else {
				conditions.add(q(condition.column()) + " = ?");
				parameters.add(condition.value());
			}
		}
		if (!conditions.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", conditions));
		}
		return RenderedStatement.of(sql.toString(), parameters);
	}

	/**
	 * A literal default: DDL cannot bind, so the value is escaped as the dialect writes
	 * literals.
	 */
	String literal(Object value) {
		return this.dialect.literalValue(value);
	}

	String q(String identifier) {
		return this.dialect.quote(identifier);
	}

	String names(List<String> identifiers) {
		return identifiers.stream().map(this::q).collect(Collectors.joining(", "));
	}

	InvalidOperationException unsupported(Subject subject, String detail) {
		return new InvalidOperationException(ErrorCode.UNSUPPORTED_BY_DIALECT, subject + ": " + detail);
	}

}
