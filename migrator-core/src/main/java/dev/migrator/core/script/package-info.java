/**
 * Revisions and the graph they form: loading them from SQL files and Java classes,
 * validating the graph, resolving targets and planning the steps between two states.
 * Pure: nothing here touches a database.
 */
package dev.migrator.core.script;
