package dev.migrator.core.authoring;

import dev.migrator.core.authoring.schema.ColumnShape;
import dev.migrator.core.authoring.schema.ConstraintShape;
import dev.migrator.core.authoring.schema.EnumShape;
import dev.migrator.core.authoring.schema.IndexShape;
import dev.migrator.core.authoring.schema.Names;
import dev.migrator.core.authoring.schema.SchemaChange;
import dev.migrator.core.authoring.schema.TableShape;
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
import dev.migrator.core.op.CreateEnumType;
import dev.migrator.core.op.CreateTable;
import dev.migrator.core.op.DropColumn;
import dev.migrator.core.op.DropConstraint;
import dev.migrator.core.op.DropEnumType;
import dev.migrator.core.op.DropIndex;
import dev.migrator.core.op.DropTable;
import dev.migrator.core.op.ForeignKeyConstraint;
import dev.migrator.core.op.Identity;
import dev.migrator.core.op.NamingConvention;
import dev.migrator.core.op.Operation;
import dev.migrator.core.op.PrimaryKeyConstraint;
import dev.migrator.core.op.SafeOperation;
import dev.migrator.core.op.TableConstraint;
import dev.migrator.core.op.UniqueConstraint;
import dev.migrator.core.sql.UnquotedNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

// Over 300 lines: one planning rule per kind of schema difference, applied in a fixed order.
/**
 * Turns schema changes into draft steps in an order that runs: new enum types and tables
 * before what uses them, constraints and indexes dropped before their columns and tables,
 * tables created before the foreign keys that point at them. On PostgreSQL it uses the
 * safe forms: {@code addNotNull}, {@code safe()} for constraints and for columns with a
 * default, concurrent index builds.
 */
final class DraftPlanner {

	private final boolean postgres;

	private final ShapeOperations shapes;

	private final List<DraftStep> enumsAdded = new ArrayList<>();

	private final List<DraftStep> drops = new ArrayList<>();

	private final Map<String, TableShape> tablesAdded = new LinkedHashMap<>();

	private final List<DraftStep> columns = new ArrayList<>();

	private final List<DraftStep> adds = new ArrayList<>();

	private final Map<String, TableShape> tablesDropped = new LinkedHashMap<>();

	private final List<DraftStep> enumsDropped = new ArrayList<>();

	DraftPlanner(String dialect, NamingConvention naming) {
		this.postgres = "postgresql".equals(dialect);
		this.shapes = new ShapeOperations(dialect, naming);
	}

	Draft plan(List<SchemaChange> changes) {
		for (SchemaChange change : changes) {
			add(change);
		}
		List<DraftStep> steps = new ArrayList<>(this.enumsAdded);
		steps.addAll(this.drops);
		steps.addAll(createTables());
		steps.addAll(this.columns);
		steps.addAll(this.adds);
		steps.addAll(dropTables());
		steps.addAll(this.enumsDropped);
		return new Draft(steps);
	}

	private void add(SchemaChange change) {
		if (change instanceof SchemaChange.EnumAdded added) {
			this.enumsAdded.add(DraftStep.of(new CreateEnumType(added.type().name(), added.type().values()),
					DropEnumType.of(added.type().name())));
		}
		else if (change instanceof SchemaChange.EnumChanged changed) {
			this.enumsAdded.add(enumValues(changed));
		}
		else if (change instanceof SchemaChange.EnumDropped dropped) {
			EnumShape type = dropped.type();
			this.enumsDropped
				.add(DraftStep.of(DropEnumType.of(type.name()), new CreateEnumType(type.name(), type.values())));
		}
		else if (change instanceof SchemaChange.TableAdded added) {
			this.tablesAdded.put(added.table().name(), added.table());
		}
		else if (change instanceof SchemaChange.TableDropped dropped) {
			this.tablesDropped.put(dropped.table().name(), dropped.table());
		}
		else if (change instanceof SchemaChange.ColumnAdded added) {
			this.columns.add(addColumn(added.table(), added.column()));
		}
		else if (change instanceof SchemaChange.ColumnDropped dropped) {
			this.columns.add(new DraftStep(
					List.of("Drops " + dropped.table() + "." + dropped.column().name()
							+ " and its data; the downgrade adds the column back, empty."),
					List.of(DropColumn.of(dropped.table(), dropped.column().name())),
					List.of(new AddColumn(dropped.table(), this.shapes.column(dropped.column())))));
		}
		else if (change instanceof SchemaChange.ColumnChanged changed) {
			this.columns.add(alterColumn(changed));
		}
		else if (change instanceof SchemaChange.PossibleRename rename) {
			this.columns.add(DraftStep.warning(renameWarning(rename)));
		}
		else if (change instanceof SchemaChange.PrimaryKeyChanged key) {
			primaryKey(key);
		}
		else if (change instanceof SchemaChange.ConstraintAdded added) {
			TableConstraint constraint = this.shapes.constraint(added.table(), added.constraint());
			this.adds.add(DraftStep.of(safely(adding(added.table(), constraint)),
					DropConstraint.of(added.table(), constraint.requireName())));
		}
		else if (change instanceof SchemaChange.ConstraintDropped dropped) {
			dropConstraint(dropped.table(), dropped.constraint());
		}
		else if (change instanceof SchemaChange.IndexAdded added) {
			this.adds.add(DraftStep.of(this.shapes.createIndex(added.table(), added.index(), this.postgres),
					dropIndex(added.table(), added.index())));
		}
		else if (change instanceof SchemaChange.IndexDropped dropped) {
			this.drops.add(DraftStep.of(dropIndex(dropped.table(), dropped.index()),
					this.shapes.createIndex(dropped.table(), dropped.index(), this.postgres)));
		}
	}

	private DraftStep enumValues(SchemaChange.EnumChanged changed) {
		String type = changed.desired().name();
		if (!changed.onlyAddsValues()) {
			return DraftStep.warning("Enum type " + type + " goes from " + changed.live().values() + " to "
					+ changed.desired().values() + ": PostgreSQL can add values but not remove or reorder them. Create "
					+ "a new type, convert the columns to it (USING col::text::new_type), then drop the old type.");
		}
		List<Operation> upgrade = new ArrayList<>();
		List<String> values = changed.desired().values();
		for (int i = 0; i < values.size(); i++) {
			if (!changed.live().values().contains(values.get(i))) {
				AddEnumValue add = (i > 0) ? AddEnumValue.of(type, values.get(i)).after(values.get(i - 1))
						: AddEnumValue.of(type, values.get(i)).before(values.get(i + 1));
				upgrade.add(new SafeOperation(add));
			}
		}
		return new DraftStep(List.of("PostgreSQL cannot remove an enum value: the downgrade leaves the values added to "
				+ type + " in place."), upgrade, List.of());
	}

	private DraftStep addColumn(String table, ColumnShape shape) {
		Column column = this.shapes.column(shape);
		AddColumn add = new AddColumn(table, column);
		// A default fills the existing rows: the safe form does it without rewriting the
		// table under a write lock.
		Operation upgrade = (this.postgres && column.serverDefault().isPresent()) ? new SafeOperation(add) : add;
		DraftStep step = DraftStep.of(upgrade, DropColumn.of(table, shape.name()));
		if (!column.nullable() && column.serverDefault().isEmpty() && column.generation() == Identity.NONE) {
			step = step.withWarning(table + "." + shape.name() + " is NOT NULL without a default: adding it fails "
					+ "while the table has rows. Add it nullable, backfill it, then make it NOT NULL (addNotNull).");
		}
		return step;
	}

	private DraftStep alterColumn(SchemaChange.ColumnChanged changed) {
		String table = changed.table();
		String name = changed.live().name();
		List<String> warnings = new ArrayList<>();
		AlterColumn up = AlterColumn.of(table, name);
		AlterColumn down = AlterColumn.of(table, name);
		if (changed.identityChanged()) {
			warnings.add("The identity of " + table + "." + name + " changes (" + changed.live().identity() + " to "
					+ changed.desired().identity() + "): not drafted. Write ALTER TABLE … ADD/DROP IDENTITY by hand.");
		}
		if (changed.typeChanged()) {
			up = up.type(changed.desired().type());
			down = down.type(changed.live().type());
			warnings.add("The type of " + table + "." + name + " changes from " + changed.live().typeText() + " to "
					+ changed.desired().typeText()
					+ (this.postgres ? ": this may rewrite the table and its indexes "
							+ "under a lock that blocks reads and writes, and may need a USING expression. On a busy "
							+ "table add a new column, backfill it and switch over instead." : "."));
		}
		if (changed.defaultChanged()) {
			up = changed.desired()
				.serverDefault()
				.map(this.shapes::serverDefault)
				.map(up::serverDefault)
				.orElse(up.dropServerDefault());
			down = changed.live()
				.serverDefault()
				.map(this.shapes::serverDefault)
				.map(down::serverDefault)
				.orElse(down.dropServerDefault());
		}
		List<Operation> upgrade = new ArrayList<>();
		List<Operation> downgrade = new ArrayList<>();
		boolean toNotNull = changed.nullabilityChanged() && !changed.desired().nullable();
		boolean toNullable = changed.nullabilityChanged() && changed.desired().nullable();
		if (toNullable) {
			up = up.dropNotNull();
		}
		if (toNotNull && !this.postgres) {
			up = up.notNull();
			down = down.dropNotNull();
		}
		if (toNullable && !this.postgres) {
			down = down.notNull();
		}
		if (up.changesAnything()) {
			upgrade.add(up);
		}
		if (toNotNull && this.postgres) {
			upgrade.add(AddNotNull.of(table, name));
			downgrade.add(AlterColumn.of(table, name).dropNotNull());
		}
		if (down.changesAnything()) {
			downgrade.add(down);
		}
		if (toNullable && this.postgres) {
			downgrade.add(AddNotNull.of(table, name));
		}
		return new DraftStep(warnings, upgrade, downgrade);
	}

	private void primaryKey(SchemaChange.PrimaryKeyChanged key) {
		String table = key.table();
		if (key.live().isPresent() && key.live().get().name().isEmpty()) {
			this.drops.add(DraftStep
				.warning("The primary key of " + table + " changes from " + key.live().get().columns() + " to "
						+ key.desired().map(ConstraintShape.PrimaryKey::columns).map(String::valueOf).orElse("none")
						+ ", but the live one has no name to drop it by: not drafted. Rebuild the table by hand "
						+ "(op.batchAlterTable)."));
			return;
		}
		key.live().ifPresent((pk) -> {
			TableConstraint live = this.shapes.constraint(table, pk);
			this.drops.add(DraftStep.of(DropConstraint.of(table, live.requireName()), adding(table, live)));
		});
		key.desired().ifPresent((pk) -> {
			TableConstraint desired = this.shapes.constraint(table, pk);
			this.adds.add(DraftStep.of(adding(table, desired), DropConstraint.of(table, desired.requireName())));
		});
	}

	private void dropConstraint(String table, ConstraintShape shape) {
		if (shape.name().isEmpty()) {
			this.drops.add(DraftStep.warning("The live " + table + " has an unnamed "
					+ shape.signature(Names.forDialect("sqlite")) + " that the desired schema has "
					+ "not: a constraint without a name cannot be dropped by name, so it is not drafted. Rebuild the "
					+ "table by hand (op.batchAlterTable)."));
			return;
		}
		TableConstraint constraint = this.shapes.constraint(table, shape);
		this.drops
			.add(DraftStep.of(DropConstraint.of(table, constraint.requireName()), safely(adding(table, constraint))));
	}

	/** The safe form on PostgreSQL, where one exists; the plain operation elsewhere. */
	private Operation safely(Operation operation) {
		boolean hasSafeForm = operation instanceof AddForeignKey || operation instanceof AddCheckConstraint
				|| operation instanceof AddUniqueConstraint;
		return (this.postgres && hasSafeForm) ? new SafeOperation(operation) : operation;
	}

	private static Operation adding(String table, TableConstraint constraint) {
		if (constraint instanceof PrimaryKeyConstraint pk) {
			return new AddPrimaryKey(table, pk);
		}
		if (constraint instanceof UniqueConstraint unique) {
			return new AddUniqueConstraint(table, unique);
		}
		if (constraint instanceof CheckConstraint check) {
			return new AddCheckConstraint(table, check, false);
		}
		return new AddForeignKey(table, (ForeignKeyConstraint) constraint, false);
	}

	private Operation dropIndex(String table, IndexShape index) {
		DropIndex drop = DropIndex.named(index.name()).on(table);
		return this.postgres ? drop.concurrently() : drop;
	}

	/**
	 * The new tables, each after the new tables it refers to; a foreign key to a new
	 * table not created yet (a cycle) is added after all of them.
	 */
	private List<DraftStep> createTables() {
		List<DraftStep> steps = new ArrayList<>();
		List<DraftStep> laterKeys = new ArrayList<>();
		Set<String> created = new LinkedHashSet<>();
		List<TableShape> pending = new ArrayList<>(this.tablesAdded.values());
		while (!pending.isEmpty()) {
			TableShape next = pending.stream()
				.filter((t) -> referredNewTables(t).stream()
					.allMatch((r) -> created.contains(r) || r.equals(key(t.name()))))
				.findFirst()
				.orElse(pending.get(0));
			pending.remove(next);
			created.add(key(next.name()));
			CreateTable full = this.shapes.createTable(next);
			List<TableConstraint> now = new ArrayList<>();
			for (TableConstraint constraint : full.constraints()) {
				boolean forward = constraint instanceof ForeignKeyConstraint fk
						&& this.tablesAdded.keySet().stream().anyMatch((t) -> key(t).equals(key(fk.referredTable())))
						&& !created.contains(key(fk.referredTable()));
				if (forward) {
					laterKeys.add(DraftStep.of(adding(next.name(), constraint),
							DropConstraint.of(next.name(), constraint.requireName())));
				}
				else {
					now.add(constraint);
				}
			}
			List<Operation> upgrade = new ArrayList<>();
			upgrade.add(new CreateTable(next.name(), full.columns(), now));
			// A new table is empty and unused: its indexes are built plainly, in the
			// revision's transaction.
			next.indexes().forEach((index) -> upgrade.add(this.shapes.createIndex(next.name(), index, false)));
			steps.add(new DraftStep(List.of(), upgrade, List.of(DropTable.of(next.name()))));
		}
		steps.addAll(laterKeys);
		return steps;
	}

	/**
	 * The dropped tables, each before the dropped tables it refers to; the downgrade
	 * recreates them in reverse.
	 */
	private List<DraftStep> dropTables() {
		List<DraftStep> steps = new ArrayList<>();
		Set<String> dropped = new LinkedHashSet<>();
		List<TableShape> pending = new ArrayList<>(this.tablesDropped.values());
		while (!pending.isEmpty()) {
			// Next: a table no remaining dropped table refers to.
			TableShape next = pending.stream()
				.filter((t) -> pending.stream()
					.filter((o) -> o != t)
					.noneMatch((o) -> referredTables(o).contains(key(t.name()))))
				.findFirst()
				.orElse(pending.get(0));
			pending.remove(next);
			dropped.add(key(next.name()));
			List<Operation> downgrade = new ArrayList<>();
			downgrade.add(this.shapes.createTable(next));
			next.indexes().forEach((index) -> downgrade.add(this.shapes.createIndex(next.name(), index, false)));
			steps.add(new DraftStep(List
				.of("Drops table " + next.name() + " and its data; the downgrade creates it " + "again, empty."),
					List.of(DropTable.of(next.name())), downgrade));
		}
		return steps;
	}

	private Set<String> referredNewTables(TableShape table) {
		Set<String> referred = referredTables(table);
		referred.retainAll(this.tablesAdded.keySet().stream().map(this::key).toList());
		return referred;
	}

	private Set<String> referredTables(TableShape table) {
		Set<String> referred = new LinkedHashSet<>();
		for (ConstraintShape constraint : table.constraints()) {
			if (constraint instanceof ConstraintShape.ForeignKey fk) {
				referred.add(key(fk.referredTable()));
			}
		}
		return referred;
	}

	private String key(String table) {
		return this.postgres ? table : UnquotedNames.fold(table);
	}

	private static String renameWarning(SchemaChange.PossibleRename rename) {
		String table = rename.table();
		String from = rename.dropped().name();
		String to = rename.added().name();
		return "POSSIBLE RENAME: " + table + "." + from + " is dropped and " + table + "." + to + " added, both "
				+ rename.added().typeText() + ". The draft never guesses: as written it drops " + from
				+ " with its data and adds " + to + " empty. To rename safely while the application runs: expand "
				+ "(add " + to + "), dual write (the application writes both columns), backfill (copy " + from
				+ " into " + to + " in batches), then contract (drop " + from + " in a later release, once nothing "
				+ "reads it). A plain renameColumn breaks the instances still running the old code.";
	}

}
