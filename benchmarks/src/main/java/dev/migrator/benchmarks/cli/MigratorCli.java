package dev.migrator.benchmarks.cli;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.command.RunResult;
import dev.migrator.core.script.Revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrator side of the whole-process comparison with Alembic: one command per JVM,
 * started and ended as a deploy's migration step is, so that JVM start-up and class
 * loading are part of what is measured. Arguments:
 * <ul>
 * <li>{@code upgrade FOLDER JDBC_URL USER}: applies everything pending, prints how many
 * revisions it applied;</li>
 * <li>{@code check FOLDER JDBC_URL USER}: exits 1 unless the database is at the heads,
 * else prints its revisions;</li>
 * <li>{@code heads FOLDER}: loads and validates the revision files, prints the heads, one
 * id a line (no database);</li>
 * <li>{@code empty}: returns at once: what starting and stopping this JVM costs.</li>
 * </ul>
 * The password, if any, comes from {@code PGPASSWORD}, as it does for psycopg2 on the
 * Alembic side, so that it is never on a command line.
 */
public final class MigratorCli {

	private MigratorCli() {
	}

	public static void main(String[] args) {
		String command = (args.length > 0) ? args[0] : "";
		switch (command) {
			case "empty" -> {
			}
			case "heads" -> heads(Path.of(args[1]));
			case "upgrade" -> {
				RunResult result = migrator(args).upgrade("heads");
				System.out.println("applied " + result.steps().size());
			}
			case "check" -> System.out.println("at " + migrator(args).check().current());
			default -> throw new IllegalArgumentException(
					"Unknown command '" + command + "': use upgrade, check, heads or empty");
		}
	}

	private static void heads(Path folder) {
		Migrator migrator = Migrator.create(MigratorConfig.builder().locations(location(folder)).build());
		List<Revision> heads = migrator.heads();
		StringBuilder out = new StringBuilder();
		heads.forEach((head) -> out.append(head.id()).append('\n'));
		System.out.print(out);
	}

	private static Migrator migrator(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[2]);
		dataSource.setUser(args[3]);
		dataSource.setPassword(Objects.requireNonNullElse(System.getenv("PGPASSWORD"), ""));
		return Migrator
			.create(MigratorConfig.builder().dataSource(dataSource).locations(location(Path.of(args[1]))).build());
	}

	private static String location(Path folder) {
		return "filesystem:" + folder.toAbsolutePath();
	}

}
