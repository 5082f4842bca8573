package dev.migrator.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AbandonedServersTests {

	@Test
	void serverWhoseJvmIsGoneIsStoppedAndDeletedWhileOthersAreLeftAlone() throws Exception {
		LocalPostgresServer abandoned = startedServer();
		LocalPostgresServer ours = startedServer();
		try {
			Files.writeString(abandoned.directory().resolve(ScratchSpace.OWNER_PID_FILE), Long.toString(deadPid()));

			AbandonedServers.stopAndDelete(PostgresBinaries.installed());

			assertThat(abandoned.directory()).doesNotExist();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager
				.getConnection(JdbcLocation.local(abandoned.port(), LocalPostgresServer.SUPERUSER).url())
				.close());
			assertThat(ours.directory()).isDirectory();
			DriverManager.getConnection(JdbcLocation.local(ours.port(), LocalPostgresServer.SUPERUSER).url()).close();
		}
		finally {
			abandoned.destroy();
			ours.destroy();
		}
	}

	private static LocalPostgresServer startedServer() {
		LocalPostgresServer server = LocalPostgresServer.initialize(Map.of());
		server.start();
		return server;
	}

	private static long deadPid() throws IOException, InterruptedException {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		return process.pid();
	}

}
