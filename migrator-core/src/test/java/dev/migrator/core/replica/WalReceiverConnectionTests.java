package dev.migrator.core.replica;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name a standby gives the primary, read from the connection string its WAL receiver
 * shows.
 */
class WalReceiverConnectionTests {

	@Test
	void anExplicitApplicationNameWins() {
		assertThat(WalReceiverConnection
			.applicationName("user=postgres passfile=/x channel_binding=prefer dbname=replication host=db port=5432 "
					+ "application_name=replica_a fallback_application_name=walreceiver sslmode=prefer"))
			.hasValue("replica_a");
	}

	@Test
	void withoutOneTheFallbackNameIsWhatThePrimaryShows() {
		assertThat(WalReceiverConnection
			.applicationName("user=postgres dbname=replication host=db fallback_application_name=walreceiver"))
			.hasValue("walreceiver");
	}

	@Test
	void quotedValuesWithSpacesAndEscapesAreRead() {
		assertThat(WalReceiverConnection
			.applicationName("host=db application_name='east replica \\'2\\'' fallback_application_name=walreceiver"))
			.hasValue("east replica '2'");
	}

	@Test
	void aHiddenOrEmptyConnectionStringGivesNoName() {
		assertThat(WalReceiverConnection.applicationName("")).isEmpty();
		assertThat(WalReceiverConnection.applicationName("host=db application_name=")).isEmpty();
	}

}
