package dev.migrator.core.authoring;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.script.RevisionGraph;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The day-to-day loop on a real database: write revisions, run them, branch, see two
 * heads, merge them, draw the history, go back down; each dialect's test class runs it.
 */
abstract class AuthoringCommandsContract {

	@TempDir
	Path temp;

	abstract DataSource newDatabase();

	@Test
	void writesRunsBranchesAndMergesRevisions() {
		DataSource dataSource = newDatabase();
		RevisionFiles files = new RevisionFiles(this.temp.resolve("revisions"));
		MigratorConfig config = files.config().dataSource(dataSource).build();
		RevisionWriter writer = new RevisionWriter(files.graph(),
				Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC));

		WrittenRevision users = sql(writer, files, "create users", Optional.empty(),
				"CREATE TABLE users (id integer PRIMARY KEY, name varchar(100));", "DROP TABLE users;");
		assertThat(Migrator.create(config).upgrade("heads").after()).containsExactly(users.id());

		WrittenRevision orders = sql(writer, files, "create orders", Optional.empty(),
				"CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);", "DROP TABLE orders;");
		WrittenRevision emails = sql(writer, files, "user emails", Optional.of(users.id()),
				"ALTER TABLE users ADD COLUMN email varchar(200);", "ALTER TABLE users DROP COLUMN email;");
		assertThat(orders.revises()).containsExactly(users.id());
		assertThat(emails.startsBranch()).isTrue();

		RevisionGraph branched = files.graph().get();
		HeadsReport heads = new HeadsCheck(branched).report();
		assertThat(heads.heads()).extracting(HeadsReport.Head::id).containsExactly(orders.id(), emails.id());
		assertThat(heads.heads()).extracting(HeadsReport.Head::location)
			.containsExactly("filesystem:" + orders.file().toAbsolutePath(),
					"filesystem:" + emails.file().toAbsolutePath());
		assertThatExceptionOfType(AuthoringException.class)
			.isThrownBy(() -> new HeadsCheck(branched).requireSingleHead());
		assertThat(Migrator.create(config).upgrade("heads").after()).containsExactlyInAnyOrder(orders.id(),
				emails.id());

		WrittenRevision merge = writer.merge("merge orders and emails", List.of("heads"), files.folder());
		assertThat(Migrator.create(config).upgrade("heads").after()).containsExactly(merge.id());
		RevisionGraph merged = files.graph().get();
		assertThat(new HeadsCheck(merged).requireSingleHead().heads()).extracting(HeadsReport.Head::id)
			.containsExactly(merge.id());
		assertThat(new GraphDrawing(merged).text()).isEqualTo("""
				*    20250301120003_merge_orders_and_emails  merge orders and emails (head, merge)
				├─╮
				│ *  20250301120002_user_emails  user emails
				* │  20250301120001_create_orders  create orders
				├─╯
				*    20250301120000_create_users  create users (base)
				""");

		assertThat(Migrator.create(config).downgrade(users.id()).after()).containsExactly(users.id());
		assertThat(Migrator.create(config).downgrade("base").after()).isEmpty();
	}

	private static WrittenRevision sql(RevisionWriter writer, RevisionFiles files, String message,
			Optional<String> head, String upgrade, String downgrade) {
		WrittenRevision written = writer.revision(message, RevisionKind.SQL, head, Optional.empty(), List.of(),
				files.folder(), Optional.empty());
		RevisionFiles.fillUpgrade(written.file(), upgrade, downgrade);
		return written;
	}

}
