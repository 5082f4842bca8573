package dev.migrator.core.script;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How the parser replaces {@code ${name}} placeholders: statement by statement, with the
 * checksum of the text as written.
 */
class SqlPlaceholderParseTests {

	private static final String FILE = """
			-- migrator:revision 0001_grants
			-- migrator:upgrade
			-- grants for ${not_a_statement}
			GRANT SELECT
			  ON users
			  TO ${reader};
			CREATE INDEX CONCURRENTLY ${index} ON users (name);
			""";

	private final SqlRevisionParser parser = new SqlRevisionParser(
			new Placeholders(Map.of("reader", "app_reader", "index", "users_name_idx")));

	@Test
	void replacesInsideStatementsAndRereadsTheirTraits() {
		Revision revision = this.parser.parse("0001_grants.sql", FILE);
		List<SqlStatement> statements = ((MigrationBody.Sql) revision.upgrade()).statements();
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("GRANT SELECT\n  ON users\n  TO app_reader", 4),
					tuple("CREATE INDEX CONCURRENTLY users_name_idx ON users (name)", 7));
		assertThat(statements.get(1).traits()).isEqualTo(StatementTraits.of(statements.get(1).sql()));
	}

	@Test
	void theChecksumIsOfTheTextAsWritten() {
		Revision one = this.parser.parse("0001_grants.sql", FILE);
		Revision other = new SqlRevisionParser(new Placeholders(Map.of("reader", "other", "index", "other_idx")))
			.parse("0001_grants.sql", FILE);
		assertThat(one.checksum()).isEqualTo(Checksums.of(FILE)).isEqualTo(other.checksum());
	}

	@Test
	void anUnknownPlaceholderNamesTheLineItIsOnInsideAStatement() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(
				() -> new SqlRevisionParser(new Placeholders(Map.of("index", "i"))).parse("db/0001_grants.sql", FILE))
			.withMessageStartingWith("db/0001_grants.sql:6: ${reader} is a placeholder without a value. "
					+ "The placeholders with a value are index.");
	}

	@Test
	void withoutValuesEveryPlaceholderIsUnknown() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> new SqlRevisionParser().parse("db/0001_grants.sql", FILE))
			.withMessageContaining("No placeholder has a value.");
	}

	@Test
	void theHeaderMustSayTrueOrFalse() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> this.parser.parse("db/0001_grants.sql",
					"-- migrator:revision 0001_grants\n-- migrator:placeholders off\n-- migrator:upgrade\nSELECT 1;\n"))
			.withMessageContaining("db/0001_grants.sql:2");
	}

}
