package dev.migrator.core.authoring;

import dev.migrator.core.authoring.schema.ColumnShape;
import dev.migrator.core.authoring.schema.ConstraintShape;
import dev.migrator.core.authoring.schema.IndexShape;
import dev.migrator.core.authoring.schema.TableShape;
import dev.migrator.core.op.CheckConstraint;
import dev.migrator.core.op.Column;
import dev.migrator.core.op.CreateIndex;
import dev.migrator.core.op.CreateTable;
import dev.migrator.core.op.Execute;
import dev.migrator.core.op.ForeignKeyConstraint;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.PrimaryKeyConstraint;
import dev.migrator.core.op.ServerDefault;
import dev.migrator.core.op.TableConstraint;
import dev.migrator.core.op.UniqueConstraint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operations API's values for reflected shapes. Every constraint gets an explicit
 * name (the database's, or the naming convention's where the database kept none), so that
 * the draft's downgrade can drop exactly what its upgrade added.
 */
final class ShapeOperations {

	private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

	private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

	private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

	private final boolean sqlite;

	private final NamingConvention naming;

	ShapeOperations(String dialect, NamingConvention naming) {
		this.sqlite = "sqlite".equals(dialect);
		this.naming = naming;
	}

	Column column(ColumnShape shape) {
		Column column = Column.of(shape.name(), shape.type());
		if (shape.identity() == Identity.BY_DEFAULT) {
			column = column.identity();
		}
		else if (shape.identity() == Identity.ALWAYS) {
			column = column.identityAlways();
		}
		else if (!shape.nullable()) {
			column = column.notNull();
		}
		if (shape.serverDefault().isPresent() && shape.identity() == Identity.NONE) {
			column = column.serverDefault(serverDefault(shape.serverDefault().get()));
		}
		return column;
	}

	/**
	 * The default as the database printed it. On SQLite a constant is kept a literal,
	 * which the dialect writes without parentheses and which lets {@code ADD COLUMN} add
	 * the column in place; on PostgreSQL the printed expression (with its cast) is what
	 * the database prints back.
	 */
	ServerDefault serverDefault(String printed) {
		if (this.sqlite) {
			if (INTEGER.matcher(printed).matches()) {
				return ServerDefault.value(Long.parseLong(printed));
			}
			if (DECIMAL.matcher(printed).matches()) {
				return ServerDefault.value(new BigDecimal(printed));
			}
			if (STRING.matcher(printed).matches()) {
				return ServerDefault.value(printed.substring(1, printed.length() - 1).replace("''", "'"));
			}
		}
		return ServerDefault.expression(printed);
	}

	CreateTable createTable(TableShape table) {
		List<Column> columns = table.columns().stream().map(this::column).toList();
		List<TableConstraint> constraints = new ArrayList<>();
		table.primaryKey().ifPresent((pk) -> constraints.add(constraint(table.name(), pk)));
		table.constraints().forEach((c) -> constraints.add(constraint(table.name(), c)));
		return new CreateTable(table.name(), columns, constraints);
	}

	/** The constraint, named. */
	TableConstraint constraint(String table, ConstraintShape shape) {
		TableConstraint constraint;
		if (shape instanceof ConstraintShape.PrimaryKey pk) {
			constraint = new PrimaryKeyConstraint(Optional.empty(), pk.columns());
		}
		else if (shape instanceof ConstraintShape.Unique unique) {
			constraint = new UniqueConstraint(Optional.empty(), unique.columns());
		}
		else if (shape instanceof ConstraintShape.Check check) {
			constraint = CheckConstraint.of(check.name().orElse(checkLabel(check.condition())), check.condition());
		}
		else {
			ConstraintShape.ForeignKey fk = (ConstraintShape.ForeignKey) shape;
			constraint = ForeignKeyConstraint.of(fk.columns(), fk.referredTable(), fk.referredColumns())
				.onDelete(fk.onDelete())
				.onUpdate(fk.onUpdate());
		}
		return shape.name().map(constraint::named).orElseGet(() -> this.naming.name(table, constraint));
	}

	/**
	 * A label for an unnamed check, from the names in its condition: {@code amount > 0}
	 * gives {@code amount}.
	 */
	private static String checkLabel(String condition) {
		String words = condition.replaceAll("'(?:[^']|'')*'", " ")
			.replaceAll("[^A-Za-z0-9_]+", "_")
			.replaceAll("(^|_)\\d+(?=_|$)", "$1")
			.replaceAll("_+", "_")
			.replaceAll("^_|_$", "")
			.toLowerCase(Locale.ROOT);
		return words.isEmpty() ? "check" : (words.length() > 30 ? words.substring(0, 30).replaceAll("_$", "") : words);
	}

	/**
	 * The operation that creates the index; {@code concurrently} where it is built on a
	 * table in use.
	 */
	Operation createIndex(String table, IndexShape index, boolean concurrently) {
		if (index.definition().isPresent()) {
			String sql = index.definition().get();
			return new Execute(concurrently
					? sql.replaceFirst("(?i)^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ") : sql,
					List.of());
		}
		CreateIndex create = new CreateIndex(Optional.of(index.name()), table, index.parts(), index.unique(),
				index.where(), false, false);
		return concurrently ? create.concurrently() : create;
	}

}
