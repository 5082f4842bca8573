package dev.migrator.core.command;

/**
 * An applied revision whose content changed after it was applied.
 *
 * @param revision the revision id
 * @param location its file or class
 * @param appliedChecksum the checksum recorded when it was applied
 * @param currentChecksum the checksum of its content now
 */
public record ChecksumMismatch(String revision, String location, String appliedChecksum, String currentChecksum) {

	public String describe() {
		return this.revision + " (" + this.location + ")";
	}

}
