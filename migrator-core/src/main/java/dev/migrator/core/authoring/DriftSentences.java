package dev.migrator.core.authoring;

import dev.migrator.core.authoring.schema.ColumnShape;
import dev.migrator.core.authoring.schema.ConstraintShape;
import dev.migrator.core.authoring.schema.IndexShape;
import dev.migrator.core.authoring.schema.Names;
import dev.migrator.core.authoring.schema.SchemaChange;
import dev.migrator.core.op.IndexPart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A schema difference as drift reports it, one sentence per difference, saying which side
 * has what: the database (the live schema) or the revisions (the schema the applied
 * revisions produce), such as
 * {@code table accounts: column note text is in the database, not in the revisions}.
 */
final class DriftSentences {

	private static final String IN_DATABASE = " is in the database, not in the revisions";

	private static final String IN_REVISIONS = " is in the revisions, not in the database";

	private final Names names;

	DriftSentences(Names names) {
		this.names = names;
	}

	/**
	 * The sentences of one change, the desired side being the revisions'; none for a
	 * possible rename, whose drop and add are reported on their own.
	 */
	List<String> of(SchemaChange change) {
		if (change instanceof SchemaChange.TableAdded added) {
			return List.of("table " + added.table().name() + IN_REVISIONS);
		}
		if (change instanceof SchemaChange.TableDropped dropped) {
			return List.of("table " + dropped.table().name() + IN_DATABASE);
		}
		if (change instanceof SchemaChange.ColumnAdded added) {
			return List.of(table(added.table()) + column(added.column()) + IN_REVISIONS);
		}
		if (change instanceof SchemaChange.ColumnDropped dropped) {
			return List.of(table(dropped.table()) + column(dropped.column()) + IN_DATABASE);
		}
		if (change instanceof SchemaChange.ColumnChanged changed) {
			return columnChanged(changed);
		}
		if (change instanceof SchemaChange.PossibleRename) {
			return List.of();
		}
		if (change instanceof SchemaChange.PrimaryKeyChanged key) {
			return List.of(table(key.table()) + "primary key is "
					+ key.live().map((pk) -> "(" + String.join(", ", pk.columns()) + ")").orElse("none")
					+ " in the database, "
					+ key.desired().map((pk) -> "(" + String.join(", ", pk.columns()) + ")").orElse("none")
					+ " in the revisions");
		}
		if (change instanceof SchemaChange.ConstraintAdded added) {
			return List.of(table(added.table()) + constraint(added.constraint()) + IN_REVISIONS);
		}
		if (change instanceof SchemaChange.ConstraintDropped dropped) {
			return List.of(table(dropped.table()) + constraint(dropped.constraint()) + IN_DATABASE);
		}
		if (change instanceof SchemaChange.IndexAdded added) {
			return List.of(table(added.table()) + index(added.index()) + IN_REVISIONS);
		}
		if (change instanceof SchemaChange.IndexDropped dropped) {
			return List.of(table(dropped.table()) + index(dropped.index()) + IN_DATABASE);
		}
		if (change instanceof SchemaChange.EnumAdded added) {
			return List.of("enum type " + added.type().name() + " " + added.type().values() + IN_REVISIONS);
		}
		if (change instanceof SchemaChange.EnumDropped dropped) {
			return List.of("enum type " + dropped.type().name() + " " + dropped.type().values() + IN_DATABASE);
		}
		if (change instanceof SchemaChange.EnumChanged changed) {
			return List.of("enum type " + changed.live().name() + " has the values " + changed.live().values()
					+ " in the database, " + changed.desired().values() + " in the revisions");
		}
		// A kind of difference the reflector learned after this was written: reported
		// as the diff describes it rather than left out.
		return List.of(change.toString());
	}

	private List<String> columnChanged(SchemaChange.ColumnChanged changed) {
		ColumnShape live = changed.live();
		ColumnShape desired = changed.desired();
		String prefix = table(changed.table()) + "column " + live.name() + " ";
		List<String> sentences = new ArrayList<>();
		if (changed.typeChanged()) {
			sentences.add(
					prefix + "is " + live.typeText() + " in the database, " + desired.typeText() + " in the revisions");
		}
		if (changed.nullabilityChanged()) {
			sentences.add(prefix + "is " + nullability(live) + " in the database, " + nullability(desired)
					+ " in the revisions");
		}
		if (changed.defaultChanged()) {
			sentences.add(prefix + "has " + defaultOf(live) + " in the database, " + defaultOf(desired)
					+ " in the revisions");
		}
		if (changed.identityChanged()) {
			sentences.add(prefix + "has identity " + live.identity() + " in the database, " + desired.identity()
					+ " in the revisions");
		}
		return sentences;
	}

	private static String table(String name) {
		return "table " + name + ": ";
	}

	private static String column(ColumnShape column) {
		return "column " + column.name() + " " + column.typeText();
	}

	private String constraint(ConstraintShape constraint) {
		return "constraint " + constraint.name().map((name) -> name + " ").orElse("") + "("
				+ constraint.signature(this.names) + ")";
	}

	// Said as a reader would write it: the comparison key (IndexShape.signature) is built
	// for equality, not for reading.
	private static String index(IndexShape index) {
		if (index.definition().isPresent()) {
			return "index " + index.name() + " (" + index.definition().get().strip() + ")";
		}
		String parts = index.parts()
			.stream()
			.map((part) -> (part instanceof IndexPart.ColumnPart column) ? column.name()
					: ((IndexPart.ExpressionPart) part).sql())
			.collect(Collectors.joining(", "));
		return (index.unique() ? "unique index " : "index ") + index.name() + " on (" + parts + ")"
				+ index.where().map((where) -> " where " + where).orElse("");
	}

	private static String nullability(ColumnShape column) {
		return column.nullable() ? "nullable" : "NOT NULL";
	}

	private static String defaultOf(ColumnShape column) {
		return column.serverDefault().map((value) -> "default " + value).orElse("no default");
	}

}
