package dev.migrator.core.flyway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration: a CRC-32 of the file's lines in UTF-8
 * without their line ends (so that line endings do not count) and without a leading byte
 * order mark, as a signed 32-bit number.
 */
public final class FlywayChecksum {

	private FlywayChecksum() {
	}

	public static int of(String text) {
		CRC32 crc = new CRC32();
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		try (BufferedReader lines = new BufferedReader(new StringReader(content))) {
			String line;
			while ((line = lines.readLine()) != null) {
				crc.update(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (int) crc.getValue();
	}

}
