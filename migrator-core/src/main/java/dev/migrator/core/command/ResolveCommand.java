package dev.migrator.core.command;

import dev.migrator.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.core.error.MigratorException;
import dev.migrator.core.runtime.ProgressTable;
import dev.migrator.core.runtime.ProgressTable.Mark;

/**
 * {@code resolve}: settles the statements an interrupted run left with an unknown
 * outcome, as the person who checked the database says: marked done, so that the next run
 * continues after them, or forgotten, so that it runs them again. Runs no SQL of the
 * revisions.
 */
public final class ResolveCommand {

	private static final Logger logger = LoggerFactory.getLogger(ResolveCommand.class);

	private final CommandContext context;

	public ResolveCommand(CommandContext context) {
		this.context = context;
	}

	/**
	 * Resolves every statement left with an unknown outcome; returns them, as "revision
	 * at line N".
	 */
	public List<String> run(Resolution resolution) {
		return this.context.sessions().write((session) -> {
			ProgressTable progress = session.progress();
			List<Mark> unresolved = progress.unresolved(session.connection());
			if (unresolved.isEmpty()) {
				throw new MigratorException(ErrorCode.NOTHING_TO_RESOLVE,
						"No statement is waiting to be resolved: no run was interrupted during a statement whose "
								+ "outcome the migrator cannot check.");
			}
			List<String> resolved = new ArrayList<>();
			for (Mark mark : unresolved) {
				if (resolution == Resolution.DONE) {
					progress.markDone(session.connection(), mark);
				}
				else {
					progress.forget(session.connection(), mark);
				}
				String where = mark.revision() + " (" + mark.direction() + ") at line " + mark.line();
				logger.info("Resolved {}: {}", where, (resolution == Resolution.DONE)
						? "it completed; the next run continues after it" : "the next run runs it again");
				resolved.add(where);
			}
			return List.copyOf(resolved);
		});
	}

}
