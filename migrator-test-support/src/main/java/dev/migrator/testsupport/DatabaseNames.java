package dev.migrator.testsupport;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for fresh databases: a counter keeps them unique within this JVM, a random part
 * across JVMs sharing one external server. Lower case and unquoted-identifier safe, so
 * SQL never needs to quote them.
 */
final class DatabaseNames {

	private final String prefix;

	private final AtomicInteger counter = new AtomicInteger();

	DatabaseNames() {
		this.prefix = "migrator_test_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "_";
	}

	String next() {
		return this.prefix + this.counter.incrementAndGet();
	}

}
