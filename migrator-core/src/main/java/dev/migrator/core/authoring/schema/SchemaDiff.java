package dev.migrator.core.authoring.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The differences between a desired schema and the live one: tables, columns (type,
 * nullability, server default, identity), primary keys, unique, check and foreign key
 * constraints, indexes, and enum types. Constraints and indexes are matched by what they
 * do, not by name, so that a name a database made up on one side does not read as a
 * change. Tables the filter leaves out are not compared at all.
 *
 * <p>
 * It never guesses: a column missing on one side and another of the same type present on
 * the other are reported as a drop and an add, with a {@link SchemaChange.PossibleRename}
 * beside them for a person to look at.
 */
public final class SchemaDiff {

	private final Names names;

	private final ObjectFilter filter;

	public SchemaDiff(Names names, ObjectFilter filter) {
		this.names = Objects.requireNonNull(names, "names");
		this.filter = Objects.requireNonNull(filter, "filter");
	}

	/** What would make {@code live} look like {@code desired}; empty when they agree. */
	public List<SchemaChange> compare(SchemaSnapshot desired, SchemaSnapshot live) {
		List<SchemaChange> changes = new ArrayList<>();
		compareEnums(desired, live, changes);
		Map<String, TableShape> wanted = tables(desired);
		Map<String, TableShape> existing = tables(live);
		wanted.forEach((key, table) -> {
			TableShape current = existing.get(key);
			if (current == null) {
				changes.add(new SchemaChange.TableAdded(table));
			}
			else {
				compareTable(table, current, changes);
			}
		});
		existing.forEach((key, table) -> {
			if (!wanted.containsKey(key)) {
				changes.add(new SchemaChange.TableDropped(table));
			}
		});
		return changes;
	}

	private void compareEnums(SchemaSnapshot desired, SchemaSnapshot live, List<SchemaChange> changes) {
		Map<String, EnumShape> existing = new LinkedHashMap<>();
		live.enums().forEach((e) -> existing.put(this.names.key(e.name()), e));
		for (EnumShape type : desired.enums()) {
			EnumShape current = existing.remove(this.names.key(type.name()));
			if (current == null) {
				changes.add(new SchemaChange.EnumAdded(type));
			}
			else if (!current.values().equals(type.values())) {
				changes.add(new SchemaChange.EnumChanged(current, type));
			}
		}
		existing.values().forEach((e) -> changes.add(new SchemaChange.EnumDropped(e)));
	}

	private Map<String, TableShape> tables(SchemaSnapshot schema) {
		Map<String, TableShape> tables = new LinkedHashMap<>();
		for (TableShape table : schema.tables()) {
			if (this.filter.includes(table.name())) {
				tables.put(this.names.key(table.name()), table);
			}
		}
		return tables;
	}

	private void compareTable(TableShape desired, TableShape live, List<SchemaChange> changes) {
		String table = live.name();
		List<ColumnShape> added = new ArrayList<>();
		List<ColumnShape> dropped = new ArrayList<>();
		for (ColumnShape column : desired.columns()) {
			Optional<ColumnShape> current = live.column(column.name(), this.names);
			if (current.isEmpty()) {
				added.add(column);
			}
			else if (differs(current.get(), column)) {
				changes.add(new SchemaChange.ColumnChanged(table, current.get(), column));
			}
		}
		for (ColumnShape column : live.columns()) {
			if (desired.column(column.name(), this.names).isEmpty()) {
				dropped.add(column);
			}
		}
		List<ColumnShape> unpaired = new ArrayList<>(added);
		for (ColumnShape gone : dropped) {
			unpaired.stream().filter((a) -> a.typeText().equals(gone.typeText())).findFirst().ifPresent((a) -> {
				unpaired.remove(a);
				changes.add(new SchemaChange.PossibleRename(table, gone, a));
			});
		}
		added.forEach((c) -> changes.add(new SchemaChange.ColumnAdded(table, c)));
		dropped.forEach((c) -> changes.add(new SchemaChange.ColumnDropped(table, c)));
		String wantedKey = desired.primaryKey().map((pk) -> pk.signature(this.names)).orElse("");
		String currentKey = live.primaryKey().map((pk) -> pk.signature(this.names)).orElse("");
		if (!wantedKey.equals(currentKey)) {
			changes.add(new SchemaChange.PrimaryKeyChanged(table, live.primaryKey(), desired.primaryKey()));
		}
		List<ConstraintShape> existingConstraints = new ArrayList<>(live.constraints());
		for (ConstraintShape constraint : desired.constraints()) {
			if (!removeMatching(existingConstraints, constraint.signature(this.names))) {
				changes.add(new SchemaChange.ConstraintAdded(table, constraint));
			}
		}
		existingConstraints.forEach((c) -> changes.add(new SchemaChange.ConstraintDropped(table, c)));
		List<IndexShape> existingIndexes = new ArrayList<>(live.indexes());
		for (IndexShape index : desired.indexes()) {
			String signature = index.signature(this.names);
			Optional<IndexShape> match = existingIndexes.stream()
				.filter((i) -> i.signature(this.names).equals(signature))
				.findFirst();
			if (match.isPresent()) {
				existingIndexes.remove(match.get());
			}
			else {
				changes.add(new SchemaChange.IndexAdded(table, index));
			}
		}
		existingIndexes.forEach((i) -> changes.add(new SchemaChange.IndexDropped(table, i)));
	}

	private boolean removeMatching(List<ConstraintShape> constraints, String signature) {
		for (int i = 0; i < constraints.size(); i++) {
			if (constraints.get(i).signature(this.names).equals(signature)) {
				constraints.remove(i);
				return true;
			}
		}
		return false;
	}

	private static boolean differs(ColumnShape live, ColumnShape desired) {
		return !live.typeText().equals(desired.typeText()) || live.nullable() != desired.nullable()
				|| !live.serverDefault().equals(desired.serverDefault()) || live.identity() != desired.identity();
	}

}
