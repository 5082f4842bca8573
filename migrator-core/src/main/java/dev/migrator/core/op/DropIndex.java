package dev.migrator.core.op;

import java.util.Objects;
import java.util.Optional;

/**
 * Drops an index: {@code DropIndex.named("ix_users_email").concurrently()}. Give the
 * index's definition for a reversible drop.
 *
 * @param name the index
 * @param table the table it is on, for messages and batch rebuilds; not needed by the SQL
 * @param concurrent whether PostgreSQL drops it without blocking ({@code CONCURRENTLY}),
 * outside a transaction
 * @param skipIfMissing whether a missing index is not an error ({@code IF EXISTS})
 * @param definition the index as created, for the reverse
 */
public record DropIndex(String name, Optional<String> table, boolean concurrent, boolean skipIfMissing,
		Optional<CreateIndex> definition) implements Operation {

	public DropIndex {
		Identifiers.require("dropIndex", "index name", name);
		Objects.requireNonNull(table, "table");
		table.ifPresent((t) -> Identifiers.require("dropIndex", "table name", t));
		Objects.requireNonNull(definition, "definition");
	}

	public static DropIndex named(String name) {
		return new DropIndex(name, Optional.empty(), false, false, Optional.empty());
	}

	public DropIndex on(String tableName) {
		return new DropIndex(this.name, Optional.of(tableName), this.concurrent, this.skipIfMissing, this.definition);
	}

	public DropIndex concurrently() {
		return new DropIndex(this.name, this.table, true, this.skipIfMissing, this.definition);
	}

	public DropIndex ifExists() {
		return new DropIndex(this.name, this.table, this.concurrent, true, this.definition);
	}

	/** The index as it was, so that the drop can be reversed. */
	public DropIndex definition(CreateIndex index) {
		return new DropIndex(this.name, this.table.or(() -> Optional.of(index.table())), this.concurrent,
				this.skipIfMissing, Optional.of(index.named(this.name)));
	}

	@Override
	public Optional<Operation> reverse() {
		return this.definition.map((d) -> d);
	}

	@Override
	public boolean requiresAutocommit() {
		return this.concurrent;
	}

	@Override
	public String describe() {
		return "dropIndex " + this.name + this.table.map((t) -> " on " + t).orElse("");
	}

}
