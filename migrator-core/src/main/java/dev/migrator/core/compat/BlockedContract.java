package dev.migrator.core.compat;

import dev.migrator.core.script.Revision;

import java.util.List;
import java.util.Objects;

/**
 * A contract revision and the live instances whose code predates it: running it would
 * remove what they still use.
 *
 * @param revision the contract revision
 * @param clients the live instances it would break
 */
public record BlockedContract(Revision revision, List<RegisteredClient> clients) {

	public BlockedContract {
		Objects.requireNonNull(revision, "revision");
		clients = List.copyOf(clients);
	}

}
