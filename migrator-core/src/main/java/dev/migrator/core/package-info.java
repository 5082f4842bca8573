/**
 * The engine's facade: {@link dev.migrator.core.Migrator}, one short method per command,
 * each handing its work to that verb's class in {@code command}. Public API.
 */
package dev.migrator.core;
