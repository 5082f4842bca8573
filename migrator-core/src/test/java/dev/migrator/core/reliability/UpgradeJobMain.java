package dev.migrator.core.reliability;

import dev.migrator.core.Migrator;
import dev.migrator.core.config.MigratorConfig;
import dev.migrator.core.command.RunResult;
import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The migration job in a process of its own, for tests that kill it or start many at
 * once: runs {@code upgrade("heads")} (or the target of {@link #TARGET_PROPERTY}) (with
 * backfills run on upgrade) and prints how many revisions it applied. With
 * {@link #COMMAND_PROPERTY} set to {@code downgrade} it downgrades to the target instead,
 * and with {@code backfill} it runs the backfill the target names. Arguments: JDBC URL,
 * user, password, revision location, and optionally a start file whose appearance it
 * waits for first. Exit code 0 on success, 1 on any failure.
 */
public final class UpgradeJobMain {

	/** The system property with the target to upgrade to; heads when not set. */
	static final String TARGET_PROPERTY = "migrator.test.target";

	/**
	 * The system property with the command: upgrade (when not set), downgrade, backfill.
	 */
	static final String COMMAND_PROPERTY = "migrator.test.command";

	private UpgradeJobMain() {
	}

	public static void main(String[] args) throws Exception {
		Migrator migrator = Migrator.create(MigratorConfig.builder()
			.dataSource(TestDataSources.forUrl(args[0], args[1], args[2]))
			.locations(args[3])
			.runBackfillsOnUpgrade(true)
			.build());
		if (args.length > 4) {
			awaitStartFile(Path.of(args[4]));
		}
		try {
			String target = System.getProperty(TARGET_PROPERTY, "heads");
			switch (System.getProperty(COMMAND_PROPERTY, "upgrade")) {
				case "downgrade" -> System.out.println("undone " + migrator.downgrade(target).steps().size());
				case "backfill" -> System.out.println("backfill " + migrator.backfills().run(target).state().label());
				default -> {
					RunResult result = migrator.upgrade(target);
					System.out.println("applied " + result.steps().size());
				}
			}
			System.exit(0);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace(System.out);
			System.exit(1);
		}
	}

	private static void awaitStartFile(Path startFile) throws InterruptedException {
		System.out.println("waiting for the start file");
		System.out.flush();
		while (!Files.exists(startFile)) {
			Thread.sleep(1);
		}
	}

}
