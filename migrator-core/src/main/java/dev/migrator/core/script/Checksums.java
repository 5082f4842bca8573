package dev.migrator.core.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of revision content, with line endings normalized so a checkout's
 * line-ending setting is not an edit.
 */
public final class Checksums {

	private Checksums() {
	}

	public static String of(String content) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] bytes = content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(digest.digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
