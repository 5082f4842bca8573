package dev.migrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An Alembic project on disk, as {@code alembic init} would lay it out, cut down to what
 * the benchmark runs: {@code alembic.ini}, a minimal {@code env.py} and one revision file
 * per revision in {@code versions/}.
 */
final class AlembicProject {

	/*
	 * No logging sections and no fileConfig() in env.py: Alembic then logs nothing, as
	 * migrator does with slf4j-nop. Printing a line per revision is not what is compared.
	 */
	private static final String INI = """
			# Written by the migrator benchmarks: only what env.py needs.
			[alembic]
			script_location = %(here)s
			""";

	// Online mode only. The URL comes as -x url=... (or ALEMBIC_BENCH_URL); the password,
	// if any, from PGPASSWORD.
	// Like the env.py that `alembic init` writes, the whole upgrade runs in one
	// transaction unless
	// -x transaction_per_migration=true asks for one transaction per revision, as
	// migrator does.
	private static final String ENV_PY = """
			import os

			from alembic import context
			from sqlalchemy import create_engine, pool

			x = context.get_x_argument(as_dictionary=True)
			url = x.get("url") or os.environ["ALEMBIC_BENCH_URL"]
			per_migration = x.get("transaction_per_migration") == "true"

			engine = create_engine(url, poolclass=pool.NullPool)
			with engine.connect() as connection:
			    context.configure(connection=connection, transaction_per_migration=per_migration)
			    with context.begin_transaction():
			        context.run_migrations()
			""";

	/** One revision file's content; no down revisions makes a base, two make a merge. */
	record Revision(String id, List<String> downRevisions, List<String> dependsOn, String branchLabel,
			String upgradeSql, String downgradeSql) {
	}

	private final Path folder;

	private AlembicProject(Path folder) {
		this.folder = folder;
	}

	/**
	 * Writes {@code alembic.ini} and {@code env.py} into the folder, with an empty
	 * {@code versions/}.
	 */
	static AlembicProject create(Path folder) throws IOException {
		Files.createDirectories(folder.resolve("versions"));
		Files.writeString(folder.resolve("alembic.ini"), INI);
		Files.writeString(folder.resolve("env.py"), ENV_PY);
		return new AlembicProject(folder);
	}

	Path ini() {
		return this.folder.resolve("alembic.ini");
	}

	/**
	 * Writes one revision file, shaped like the ones {@code alembic revision} generates.
	 */
	void add(Revision revision) throws IOException {
		String file = "\"\"\"" + revision.id() + "\"\"\"\n" + "from alembic import op\n"
				+ "import sqlalchemy as sa\n\n\n" + "# revision identifiers, used by Alembic.\n" + "revision = "
				+ pyString(revision.id()) + "\n" + "down_revision = " + pyStrings(revision.downRevisions(), true) + "\n"
				+ "branch_labels = "
				+ ((revision.branchLabel() != null) ? pyStrings(List.of(revision.branchLabel()), false) : "None") + "\n"
				+ "depends_on = " + pyStrings(revision.dependsOn(), false) + "\n\n\n" + "def upgrade():\n"
				+ body(revision.upgradeSql()) + "\n\n" + "def downgrade():\n" + body(revision.downgradeSql());
		Files.writeString(this.folder.resolve("versions").resolve(revision.id() + ".py"), file);
	}

	private static String body(String sql) {
		return (sql != null) ? "    op.execute(" + pyString(sql) + ")\n" : "    pass\n";
	}

	/**
	 * None, a single string where Alembic takes one ({@code down_revision}), or a tuple.
	 */
	private static String pyStrings(List<String> values, boolean singleAsString) {
		if (values.isEmpty()) {
			return "None";
		}
		if (values.size() == 1 && singleAsString) {
			return pyString(values.get(0));
		}
		String joined = values.stream().map(AlembicProject::pyString).collect(Collectors.joining(", "));
		return "(" + joined + ((values.size() == 1) ? ",)" : ")");
	}

	private static String pyString(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
	}

}
