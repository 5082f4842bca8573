package dev.migrator.testsupport;

import java.util.Locale;

/**
 * A WAL location ({@code pg_lsn}), as the 64-bit byte position PostgreSQL prints as
 * {@code X/Y} in hex.
 */
record WalPosition(long bytes) {

	// MAXALIGN'ed sizes of XLogPageHeaderData and XLogLongPageHeaderData (the first page
	// of each segment).
	static final int SHORT_PAGE_HEADER = 24;

	static final int LONG_PAGE_HEADER = 40;

	static WalPosition parse(String lsn) {
		int slash = lsn.indexOf('/');
		if (slash < 0) {
			throw new IllegalArgumentException("Not a pg_lsn: " + lsn);
		}
		long high = Long.parseLong(lsn.substring(0, slash), 16);
		long low = Long.parseLong(lsn.substring(slash + 1), 16);
		return new WalPosition((high << 32) | low);
	}

	/**
	 * Where the last record ended when this is the spot right after a page header, which
	 * no record can end at.
	 */
	WalPosition backOverPageHeader(int blockSize, long segmentSize) {
		if (this.bytes % segmentSize == LONG_PAGE_HEADER) {
			return new WalPosition(this.bytes - LONG_PAGE_HEADER);
		}
		if (this.bytes % blockSize == SHORT_PAGE_HEADER && this.bytes % segmentSize != SHORT_PAGE_HEADER) {
			return new WalPosition(this.bytes - SHORT_PAGE_HEADER);
		}
		return this;
	}

	@Override
	public String toString() {
		String high = Long.toHexString(this.bytes >>> 32);
		String low = Long.toHexString(this.bytes & 0xFFFFFFFFL);
		return (high + "/" + low).toUpperCase(Locale.ROOT);
	}

}
