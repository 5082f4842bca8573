package dev.migrator.core.authoring;

import dev.migrator.core.op.Operation;
import dev.migrator.core.op.SafeOperation;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteAutogenerateTests extends AutogenerateContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.sqliteFile(this.temp.resolve("live.db"));
	}

	@Override
	String dialect() {
		return "sqlite";
	}

	@Override
	String liveSchema() {
		return """
				CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(200) NOT NULL, full_name TEXT,
				  legacy_code INTEGER, created_at TIMESTAMP);
				CREATE INDEX users_legacy_idx ON users (legacy_code);
				CREATE TABLE audit_log (id INTEGER PRIMARY KEY, note TEXT);
				CREATE TABLE keep_me (id INTEGER);
				""";
	}

	@Override
	String desiredSchema() {
		return """
				CREATE TABLE users (
				  id INTEGER PRIMARY KEY AUTOINCREMENT,
				  email VARCHAR(255) NOT NULL,
				  display_name TEXT,
				  status TEXT NOT NULL DEFAULT 'active',
				  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
				  CONSTRAINT users_status_check CHECK (status IN ('active', 'blocked')),
				  UNIQUE (email)
				);
				CREATE INDEX users_lower_email_idx ON users (lower(email));
				CREATE UNIQUE INDEX users_active_email_idx ON users (email) WHERE status = 'active';
				CREATE INDEX users_created_desc ON users (created_at DESC);
				CREATE TABLE orders (
				  id INTEGER PRIMARY KEY,
				  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
				  amount NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
				  placed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
				);
				CREATE INDEX orders_user_id_idx ON orders (user_id);
				CREATE TABLE keep_me (id INTEGER, other TEXT);
				""";
	}

	@Test
	void writesPlainOperationsAndNamesWhatSqliteLeftUnnamed() throws Exception {
		AutogenerateResult result = draftRevision();
		assertThat(result.draft().upgradeOperations()).noneMatch(SafeOperation.class::isInstance)
			.extracting(Operation::describe)
			.contains("addUniqueConstraint uq_users_email on users", "alterColumn users.created_at");
		String source = Files.readString(result.revision().orElseThrow().file());
		assertThat(source)
			.contains("foreignKey(\"user_id\", \"users\", \"id\").named(\"fk_orders_user_id_users\")"
					+ ".onDelete(ReferentialAction.CASCADE)")
			.contains("check(\"amount\", \"amount > 0\").named(\"ck_orders_amount\")")
			.contains("op.execute(\"CREATE INDEX users_created_desc ON users (created_at DESC)\");")
			.doesNotContain("autocommitBlock");
	}

}
