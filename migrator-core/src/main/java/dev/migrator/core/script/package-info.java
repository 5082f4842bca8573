/**
 * Revisions and the graph they form: loading them from SQL files and Java classes,
 * validating the graph, resolving targets and planning the steps between two states. The
 * facts a revision declares for the capabilities above (a backfill, lag limits, an
 * allowed lint rule) are plain values here; the engines that act on them live in their
 * own packages. Pure: nothing here touches a database.
 */
package dev.migrator.core.script;
