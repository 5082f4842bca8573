/**
 * What autogenerate compares: a schema reflected from a database into plain values
 * (tables, columns, keys, constraints, indexes, enum types), the reflectors that read it
 * the same way from a live database and from a scratch one, and the difference between
 * two such schemas.
 */
package dev.migrator.core.authoring.schema;
