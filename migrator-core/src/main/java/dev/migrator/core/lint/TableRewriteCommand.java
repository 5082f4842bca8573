package dev.migrator.core.lint;

import dev.migrator.core.lint.ClassifiedStatement.RewriteCommand;
import dev.migrator.core.script.LintRule;

import java.util.List;

/**
 * {@code table-rewrite-command}: VACUUM FULL or CLUSTER, which copy the whole table under
 * its strongest lock.
 */
final class TableRewriteCommand implements Rule {

	@Override
	public LintRule rule() {
		return LintRule.TABLE_REWRITE_COMMAND;
	}

	@Override
	public boolean longLock() {
		return true;
	}

	@Override
	public List<Violation> check(StatementContext context) {
		if (context.statement() instanceof RewriteCommand command) {
			String table = command.table().isEmpty() ? "every table it covers" : command.table();
			return List.of(new Violation(
					command.command() + " rewrites " + table + " under an ACCESS EXCLUSIVE lock, "
							+ "blocking reads and writes until the copy is done",
					"Keep maintenance out of revisions: to reclaim space or reorder rows online, run an online repack "
							+ "tool (pg_repack, pg_squeeze) from operations, outside the deploy."));
		}
		return List.of();
	}

}
