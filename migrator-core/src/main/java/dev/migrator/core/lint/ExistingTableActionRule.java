package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.AlterTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule that judges the actions of an {@code ALTER TABLE} one by one, and only on a
 * table that existed before the revision: a table created in the same revision is empty
 * and unread, so nothing it does there can block or break anyone.
 */
interface ExistingTableActionRule extends Rule {

	/** What is wrong with one action of the statement, if anything. */
	Optional<Violation> check(AlterTable alter, TableAction action, StatementContext context);

	@Override
	default List<Violation> check(StatementContext context) {
		if (!(context.statement() instanceof AlterTable alter) || !context.existing(alter.table())) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>();
		for (TableAction action : alter.actions()) {
			check(alter, action, context).ifPresent(violations::add);
		}
		return violations;
	}

}
