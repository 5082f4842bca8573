package dev.migrator.core.authoring;

import dev.migrator.core.op.AddCheckConstraint;
import dev.migrator.core.op.AddColumn;
import dev.migrator.core.op.AddEnumValue;
import dev.migrator.core.op.AddForeignKey;
import dev.migrator.core.op.AddNotNull;
import dev.migrator.core.op.AddPrimaryKey;
import dev.migrator.core.op.AddUniqueConstraint;
import dev.migrator.core.op.AlterColumn;
import dev.migrator.core.op.CheckConstraint;
import dev.migrator.core.op.Column;
import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.CreateEnumType;
import dev.migrator.core.op.CreateIndex;
import dev.migrator.core.op.CreateTable;
import dev.migrator.core.op.DefaultChange;
import dev.migrator.core.op.DropColumn;
import dev.migrator.core.op.DropConstraint;
import dev.migrator.core.op.DropEnumType;
import dev.migrator.core.op.DropIndex;
import dev.migrator.core.op.DropTable;
import dev.migrator.core.op.Execute;
import dev.migrator.core.op.ForeignKeyConstraint;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.IndexPart;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.PrimaryKeyConstraint;
import dev.migrator.core.op.ReferentialAction;
import dev.migrator.core.op.SafeOperation;
import dev.migrator.core.op.ServerDefault;
import dev.migrator.core.op.StandardType;
import dev.migrator.core.op.TableConstraint;
import dev.migrator.core.op.UniqueConstraint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

// Over 300 lines: one Java rendering per operation of the sealed operation family.
/**
 * Operations written back as Java source that calls the operations API, the way an author
 * would write them: {@code op.addColumn("users", col("email", varchar(255)).notNull());}.
 * Covers what the draft planner produces.
 */
final class OperationJava {

	private static final String CONTINUATION = "\t\t";

	private OperationJava() {
	}

	/**
	 * The statement lines for the operation; an operation that cannot run in a
	 * transaction is put in an autocommit block.
	 */
	static List<String> statement(Operation operation) {
		if (needsAutocommit(operation)) {
			List<String> lines = new ArrayList<>(statement(call(operation)));
			lines.set(0, "op.autocommitBlock(() -> " + lines.get(0));
			int last = lines.size() - 1;
			lines.set(last, lines.get(last).substring(0, lines.get(last).length() - 1) + ");");
			return lines;
		}
		return statement(call(operation));
	}

	private static List<String> statement(String call) {
		List<String> lines = new ArrayList<>(List.of(call.split("\n")));
		lines.set(lines.size() - 1, lines.get(lines.size() - 1) + ";");
		return lines;
	}

	private static boolean needsAutocommit(Operation operation) {
		return operation.requiresAutocommit() || (operation instanceof Execute execute
				&& execute.sql().toUpperCase(Locale.ROOT).contains(" CONCURRENTLY "));
	}

	private static String call(Operation operation) {
		if (operation instanceof CreateTable o) {
			String columns = o.columns()
				.stream()
				.map((c) -> CONTINUATION + column(c))
				.collect(Collectors.joining(",\n"));
			String constraints = o.constraints()
				.stream()
				.map((c) -> CONTINUATION + "\t" + constraint(c))
				.collect(Collectors.joining(",\n"));
			return "op.createTable(" + s(o.table()) + ", List.of(\n" + columns + "),\n" + CONTINUATION + "List.of("
					+ (constraints.isEmpty() ? "" : "\n" + constraints) + "))";
		}
		if (operation instanceof DropTable o) {
			return "op.dropTable(" + s(o.table()) + ")";
		}
		if (operation instanceof AddColumn o) {
			return "op.addColumn(" + s(o.table()) + ", " + column(o.column()) + ")";
		}
		if (operation instanceof DropColumn o) {
			return "op.dropColumn(" + s(o.table()) + ", " + s(o.column()) + ")";
		}
		if (operation instanceof AlterColumn o) {
			return "op.alterColumn(" + alteration(o) + ")";
		}
		if (operation instanceof AddNotNull o) {
			return "op.addNotNull(" + s(o.table()) + ", " + s(o.column()) + ")";
		}
		if (operation instanceof CreateIndex o) {
			return "op.createIndex(" + index(o) + ")";
		}
		if (operation instanceof DropIndex o) {
			return o.concurrent() ? "op.dropIndex(DropIndex.named(" + s(o.name()) + ").concurrently())"
					: "op.dropIndex(" + s(o.name()) + ")";
		}
		if (operation instanceof AddPrimaryKey o) {
			return "op.run(new AddPrimaryKey(" + s(o.table()) + ", " + constraint(o.constraint()) + "))";
		}
		if (operation instanceof AddUniqueConstraint o) {
			return "op.addUniqueConstraint(" + s(o.table()) + ", " + constraint(o.constraint()) + ")";
		}
		if (operation instanceof AddCheckConstraint o) {
			return "op.addCheckConstraint(new AddCheckConstraint(" + s(o.table()) + ", " + constraint(o.constraint())
					+ ", " + o.notValid() + "))";
		}
		if (operation instanceof AddForeignKey o) {
			return (o.notValid() ? "op.addForeignKeyNotValid(" : "op.addForeignKey(") + s(o.table()) + ", "
					+ constraint(o.constraint()) + ")";
		}
		if (operation instanceof DropConstraint o) {
			return "op.dropConstraint(" + s(o.table()) + ", " + s(o.name()) + ")";
		}
		if (operation instanceof CreateEnumType o) {
			return "op.createEnumType(" + s(o.name()) + ", "
					+ o.values().stream().map(OperationJava::s).collect(Collectors.joining(", ")) + ")";
		}
		if (operation instanceof DropEnumType o) {
			return "op.dropEnumType(" + s(o.name()) + ")";
		}
		if (operation instanceof AddEnumValue o) {
			return "op.addEnumValue(" + enumValue(o) + ")";
		}
		if (operation instanceof Execute o && o.parameters().isEmpty()) {
			return "op.execute(" + s(o.sql()) + ")";
		}
		if (operation instanceof SafeOperation o) {
			return safe(o.operation());
		}
		throw new IllegalArgumentException("No Java form for " + operation.describe());
	}

	private static String safe(Operation operation) {
		if (operation instanceof AddColumn o) {
			return "op.safe().addColumn(" + s(o.table()) + ", " + column(o.column()) + ")";
		}
		if (operation instanceof AddForeignKey o) {
			return "op.safe().addForeignKey(" + s(o.table()) + ", " + constraint(o.constraint()) + ")";
		}
		if (operation instanceof AddCheckConstraint o) {
			return "op.safe().addCheckConstraint(" + s(o.table()) + ", " + constraint(o.constraint()) + ")";
		}
		if (operation instanceof AddUniqueConstraint o) {
			return "op.safe().addUniqueConstraint(" + s(o.table()) + ", " + constraint(o.constraint()) + ")";
		}
		if (operation instanceof AddEnumValue o) {
			return "op.safe().addEnumValue(" + enumValue(o) + ")";
		}
		throw new IllegalArgumentException("No safe Java form for " + operation.describe());
	}

	static String column(Column column) {
		StringBuilder java = new StringBuilder("col(").append(s(column.name()))
			.append(", ")
			.append(type(column.type()))
			.append(')');
		if (column.generation() == Identity.BY_DEFAULT) {
			java.append(".identity()");
		}
		else if (column.generation() == Identity.ALWAYS) {
			java.append(".identityAlways()");
		}
		else if (!column.nullable()) {
			java.append(".notNull()");
		}
		column.serverDefault().ifPresent((d) -> java.append(defaultCall(d)));
		return java.toString();
	}

	private static String defaultCall(ServerDefault value) {
		if (value instanceof ServerDefault.Expression expression) {
			return ".defaultExpression(" + s(expression.sql()) + ")";
		}
		return ".defaultValue(" + literal(((ServerDefault.Literal) value).value()) + ")";
	}

	private static String serverDefault(ServerDefault value) {
		if (value instanceof ServerDefault.Expression expression) {
			return "ServerDefault.expression(" + s(expression.sql()) + ")";
		}
		return "ServerDefault.value(" + literal(((ServerDefault.Literal) value).value()) + ")";
	}

	private static String literal(Object value) {
		if (value instanceof String text) {
			return s(text);
		}
		if (value instanceof Long number) {
			return number + "L";
		}
		if (value instanceof BigDecimal decimal) {
			return "new java.math.BigDecimal(" + s(decimal.toPlainString()) + ")";
		}
		return String.valueOf(value);
	}

	static String type(ColumnType type) {
		if (type instanceof StandardType standard) {
			return switch (standard) {
				case INTEGER -> "integer()";
				case BIGINT -> "bigint()";
				case SMALLINT -> "smallint()";
				case TEXT -> "text()";
				case BOOLEAN -> "bool()";
				case DATE -> "date()";
				case TIMESTAMP -> "timestamp()";
				case TIMESTAMPTZ -> "timestamptz()";
				case UUID -> "uuid()";
				case JSON -> "json()";
				case JSONB -> "jsonb()";
				case BYTES -> "bytes()";
			};
		}
		if (type instanceof ColumnType.Varchar varchar) {
			return "varchar(" + varchar.length() + ")";
		}
		if (type instanceof ColumnType.Numeric numeric) {
			return "numeric(" + numeric.precision() + ", " + numeric.scale() + ")";
		}
		if (type instanceof ColumnType.EnumType enumType) {
			return "enumType(" + s(enumType.name()) + ")";
		}
		return "custom(" + s(((ColumnType.Custom) type).sql()) + ")";
	}

	static String constraint(TableConstraint constraint) {
		String named = constraint.name().map((n) -> ".named(" + s(n) + ")").orElse("");
		if (constraint instanceof PrimaryKeyConstraint pk) {
			return "primaryKey(" + strings(pk.columns()) + ")" + named;
		}
		if (constraint instanceof UniqueConstraint unique) {
			return "unique(" + strings(unique.columns()) + ")" + named;
		}
		if (constraint instanceof CheckConstraint check) {
			return "check(" + s(check.label()) + ", " + s(check.condition()) + ")" + named;
		}
		ForeignKeyConstraint fk = (ForeignKeyConstraint) constraint;
		StringBuilder java = new StringBuilder((fk.columns().size() == 1)
				? "foreignKey(" + s(fk.columns().get(0)) + ", " + s(fk.referredTable()) + ", "
						+ s(fk.referredColumns().get(0)) + ")"
				: "foreignKey(List.of(" + strings(fk.columns()) + "), " + s(fk.referredTable()) + ", List.of("
						+ strings(fk.referredColumns()) + "))");
		java.append(named);
		if (fk.onDelete() != ReferentialAction.NO_ACTION) {
			java.append(".onDelete(ReferentialAction.").append(fk.onDelete().name()).append(')');
		}
		if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
			java.append(".onUpdate(ReferentialAction.").append(fk.onUpdate().name()).append(')');
		}
		return java.toString();
	}

	private static String index(CreateIndex index) {
		StringBuilder java;
		boolean columnsOnly = index.parts().stream().allMatch((p) -> p instanceof IndexPart.ColumnPart);
		boolean expressionsOnly = index.parts().stream().allMatch((p) -> p instanceof IndexPart.ExpressionPart);
		if (columnsOnly) {
			java = new StringBuilder("CreateIndex.on(" + s(index.table()) + ", " + strings(index.columnNames()) + ")");
		}
		else if (expressionsOnly) {
			List<String> expressions = index.parts().stream().map((p) -> ((IndexPart.ExpressionPart) p).sql()).toList();
			java = new StringBuilder(
					"CreateIndex.onExpression(" + s(index.table()) + ", " + s(expressions.get(0)) + ")");
			for (String expression : expressions.subList(1, expressions.size())) {
				java.append(".expression(").append(s(expression)).append(')');
			}
		}
		else {
			String parts = index.parts()
				.stream()
				.map((p) -> (p instanceof IndexPart.ColumnPart column) ? "IndexPart.column(" + s(column.name()) + ")"
						: "IndexPart.expression(" + s(((IndexPart.ExpressionPart) p).sql()) + ")")
				.collect(Collectors.joining(", "));
			java = new StringBuilder("new CreateIndex(Optional.empty(), " + s(index.table()) + ", List.of(" + parts
					+ "), false, Optional.empty(), false, false)");
		}
		if (index.name().isPresent()) {
			java.append(".named(").append(s(index.name().get())).append(')');
		}
		if (index.uniqueIndex()) {
			java.append(".unique()");
		}
		if (index.where().isPresent()) {
			java.append(".where(").append(s(index.where().get())).append(')');
		}
		if (index.concurrent()) {
			java.append(".concurrently()");
		}
		return java.toString();
	}

	private static String alteration(AlterColumn alter) {
		StringBuilder java = new StringBuilder("AlterColumn.of(" + s(alter.table()) + ", " + s(alter.column()) + ")");
		alter.type().ifPresent((t) -> java.append(".type(").append(type(t)).append(')'));
		alter.nullable().ifPresent((n) -> java.append(n ? ".dropNotNull()" : ".notNull()"));
		alter.serverDefault()
			.ifPresent((d) -> java.append((d instanceof DefaultChange.SetTo set)
					? ".serverDefault(" + serverDefault(set.value()) + ")" : ".dropServerDefault()"));
		return java.toString();
	}

	private static String enumValue(AddEnumValue add) {
		StringBuilder java = new StringBuilder("AddEnumValue.of(" + s(add.type()) + ", " + s(add.value()) + ")");
		add.position()
			.ifPresent((p) -> java.append(p.before() ? ".before(" : ".after(").append(s(p.neighbor())).append(')'));
		return java.toString();
	}

	private static String strings(List<String> values) {
		return values.stream().map(OperationJava::s).collect(Collectors.joining(", "));
	}

	private static String s(String value) {
		return JavaLiteral.of(value);
	}

}
