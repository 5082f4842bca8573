/**
 * Test support for applications that use migrator: {@link MigratedDatabase} gives a
 * test's context a database upgraded to the heads. A test-scope dependency only.
 */
package dev.migrator.test.autoconfigure;
