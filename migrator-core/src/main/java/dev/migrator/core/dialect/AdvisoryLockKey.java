package dev.migrator.core.dialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A stable 64-bit advisory lock key derived from the version table's qualified name. */
final class AdvisoryLockKey {

	private AdvisoryLockKey() {
	}

	static long of(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("migrator:" + name).getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (digest[i] & 0xff);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
