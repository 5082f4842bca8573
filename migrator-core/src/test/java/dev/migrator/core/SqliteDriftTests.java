package dev.migrator.core;

import dev.migrator.testsupport.TestDataSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

class SqliteDriftTests extends DriftContract {

	@Override
	DataSource newDatabase() {
		return TestDataSources.sqliteFile(this.temp.resolve("app.db"));
	}

	@Override
	List<String> scratchPlaces() throws Exception {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith("migrator-drift-"))
				.sorted()
				.toList();
		}
	}

}
