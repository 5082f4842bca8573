package dev.migrator.core.lint;

import dev.migrator.core.sql.SqlLexer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type-compatibility table: which {@code ALTER COLUMN ... TYPE} changes rewrite a
 * PostgreSQL table.
 */
class TypeChangeTests {

	@ParameterizedTest(name = "{0} -> {1}: rewrites = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			varchar(20)                 | varchar(40)                | false
			varchar(20)                 | varchar(20)                | false
			character varying(20)       | varchar(30)                | false
			varchar(20)                 | varchar                    | false
			varchar(20)                 | text                       | false
			varchar                     | text                       | false
			text                        | varchar                    | false
			text                        | character varying          | false
			text                        | citext                     | false
			citext                      | text                       | false
			varchar(20)                 | citext                     | false
			citext                      | varchar                    | false
			citext                      | varchar(20)                | true
			numeric(10,2)               | numeric(12,2)              | false
			numeric(10,2)               | numeric                    | false
			decimal(10)                 | numeric(12,0)              | false
			timestamp(3)                | timestamp(6)               | false
			timestamp(3)                | timestamp                  | false
			timestamp(3) with time zone | timestamptz                | false
			varbit(8)                   | bit varying(16)            | false
			cidr                        | inet                       | false
			int                         | integer                    | false
			int4                        | int                        | false
			varchar(40)                 | varchar(20)                | true
			varchar                     | varchar(20)                | true
			text                        | varchar(255)               | true
			int                         | bigint                     | true
			smallint                    | integer                    | true
			bigint                      | integer                    | true
			numeric(10,2)               | numeric(8,2)               | true
			numeric(10,2)               | numeric(12,4)              | true
			numeric                     | numeric(10,2)              | true
			text                        | integer                    | true
			integer                     | text                       | true
			char(10)                    | char(20)                   | true
			char(10)                    | text                       | true
			timestamp                   | timestamptz                | true
			timestamp                   | timestamp(3)               | true
			inet                        | cidr                       | true
			int[]                       | bigint[]                   | true
			int[]                       | int[]                      | false
			int                         | int[]                      | true
			""")
	void tellsWhichTypeChangesRewriteTheTable(String from, String to, boolean rewrites) {
		assertThat(TypeChange.rewrites(type(from), type(to))).isEqualTo(rewrites);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			pg_catalog.varchar(100)      | varchar(100)
			pg_catalog.int4              | integer
			"pg_catalog"."timestamp"     | timestamp
			public.citext                | citext
			""")
	void namesASchemaQualifiedTypeByItsLastPart(String written, String named) {
		assertThat(type(written)).hasToString(named);
	}

	private static SqlType type(String written) {
		return SqlType.of(SqlLexer.POSTGRESQL.significantTokens(written));
	}

}
