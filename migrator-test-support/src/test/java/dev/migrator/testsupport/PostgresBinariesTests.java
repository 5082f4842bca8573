package dev.migrator.testsupport;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBinariesTests {

	private static final URL ARCHIVE = PostgresBinaries.class.getClassLoader()
		.getResource(PostgresBinaries.resourceName());

	@TempDir
	Path base;

	@Test
	void archiveIsOnTheClasspath() {
		assertThat(ARCHIVE).as("resource %s", PostgresBinaries.resourceName()).isNotNull();
	}

	@Test
	void installedBinariesAreNamedAfterTheirVersionInTheScratchSpace() {
		Path home = PostgresBinaries.installed().home();
		assertThat(home.getParent()).isEqualTo(ScratchSpace.baseDirectory());
		assertThat(home.getFileName().toString()).matches("migrator-pg-\\d+\\.\\d+.*");
	}

	@Test
	void installedBinariesKeepExecBitsAndSymlinksAndAreReadableByAll() throws IOException {
		Path home = PostgresBinaries.installed().home();
		for (String program : List.of("initdb", "pg_ctl", "postgres")) {
			assertThat(Files.getPosixFilePermissions(home.resolve("bin").resolve(program)))
				.contains(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ);
		}
		assertThat(Files.isSymbolicLink(home.resolve("lib/libpq.so.5"))).isTrue();
		assertThat(home.resolve("lib/libpq.so.5")).isRegularFile();
		assertThat(Files.getPosixFilePermissions(home)).contains(PosixFilePermission.OTHERS_EXECUTE);
	}

	@Test
	void concurrentInstallsAllEndWithOneCompleteTreeAndNoLeftovers() throws IOException {
		List<CompletableFuture<PostgresBinaries>> installs = IntStream.range(0, 2)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> PostgresBinaries.installInto(this.base, ARCHIVE)))
			.toList();
		List<Path> homes = installs.stream().map(CompletableFuture::join).map(PostgresBinaries::home).toList();
		assertThat(homes).containsOnly(homes.get(0));
		assertThat(homes.get(0).resolve("bin/postgres")).isExecutable();
		try (Stream<Path> entries = Files.list(this.base)) {
			assertThat(entries).containsExactly(homes.get(0));
		}
	}

	@Test
	void installRepairsATreeThatATempCleanerThinnedOut() throws IOException {
		Path home = PostgresBinaries.installInto(this.base, ARCHIVE).home();
		Path initdb = home.resolve("bin/initdb");
		Files.delete(initdb);
		PostgresBinaries.installInto(this.base, ARCHIVE);
		assertThat(initdb).isExecutable();
	}

}
