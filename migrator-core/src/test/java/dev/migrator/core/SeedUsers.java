package dev.migrator.core;

import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.MigrationContext;
import dev.migrator.core.script.MigratorRevision;

/** A reversible Java migration for the engine tests. */
@MigratorRevision(id = "0002_seed_users", revises = "0001_users", message = "seed two users")
public class SeedUsers implements JavaMigration {

	@Override
	public void upgrade(MigrationContext context) throws Exception {
		context.execute("INSERT INTO users (id, name) VALUES (?, ?)", 1, "ada");
		context.execute("INSERT INTO users (id, name) VALUES (?, ?)", 2, "grace");
	}

	@Override
	public void downgrade(MigrationContext context) throws Exception {
		context.execute("DELETE FROM users WHERE id IN (?, ?)", 1, 2);
	}

}
