/**
 * The engine side of the authoring commands: writing a new or merge revision file,
 * checking for several heads, drawing the revision graph, and drafting a revision from
 * the difference between a desired schema and a live database. Usable without Maven; the
 * Maven plugin is one caller.
 */
package dev.migrator.core.authoring;
