package dev.migrator.core.op;

import dev.migrator.core.script.Direction;
import dev.migrator.core.script.JavaMigration;
import dev.migrator.core.script.MigrationBody;
import dev.migrator.core.script.MigrationContext;
import dev.migrator.core.script.Revision;
import dev.migrator.core.script.RevisionSource;

import java.util.ArrayList;
import java.util.List;

/** Java revisions written as lambdas for tests, each revising the one added before it. */
final class JavaRevisions implements RevisionSource {

	private final List<Revision> revisions = new ArrayList<>();

	/** A reversible transactional revision. */
	JavaRevisions add(String id, Step upgrade, Step downgrade) {
		return add(id, true, upgrade, downgrade);
	}

	JavaRevisions add(String id, boolean transactional, Step upgrade, Step downgrade) {
		JavaMigration migration = new JavaMigration() {

			@Override
			public void upgrade(MigrationContext context) throws Exception {
				upgrade.run(context);
			}

			@Override
			public void downgrade(MigrationContext context) throws Exception {
				downgrade.run(context);
			}

		};
		Revision.Builder builder = Revision.builder(id)
			.transactional(transactional)
			.checksum(id)
			.upgrade(new MigrationBody.Java(migration, Direction.UPGRADE))
			.downgrade(new MigrationBody.Java(migration, Direction.DOWNGRADE));
		if (!this.revisions.isEmpty()) {
			builder.revises(this.revisions.get(this.revisions.size() - 1).id());
		}
		this.revisions.add(builder.build());
		return this;
	}

	/**
	 * A revision that runs the operations and whose downgrade undoes them, last first,
	 * through their reverses.
	 */
	JavaRevisions reversible(String id, Operation... operations) {
		return add(id, (c) -> {
			for (Operation operation : operations) {
				c.op().run(operation);
			}
		}, (c) -> {
			for (int i = operations.length - 1; i >= 0; i--) {
				c.op().undo(operations[i]);
			}
		});
	}

	@Override
	public List<Revision> load() {
		return List.copyOf(this.revisions);
	}

	/** The body of a revision direction. */
	@FunctionalInterface
	interface Step {

		void run(MigrationContext context) throws Exception;

	}

}
