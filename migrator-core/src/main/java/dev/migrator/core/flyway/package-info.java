/**
 * What a Flyway project is made of, read without Flyway: its migration file names and
 * versions, its checksums, its placeholders and its history table. The import command
 * turns them into revisions.
 */
package dev.migrator.core.flyway;
