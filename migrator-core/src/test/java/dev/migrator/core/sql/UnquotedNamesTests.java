package dev.migrator.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnquotedNamesTests {

	@Test
	void onlyAsciiCapitalsAreFoldedAsPostgresqlAndSqliteFoldThem() {
		assertThat(UnquotedNames.fold("ÍndiceV3")).isEqualTo("Índicev3");
		assertThat(UnquotedNames.fold("Users_Email")).isEqualTo("users_email");
		assertThat(UnquotedNames.same("Straße", "STRAßE")).isTrue();
		assertThat(UnquotedNames.same("Éa", "éa")).isFalse();
	}

	@Test
	void anUnquotedWordKeepsItsNonAsciiCapitalsAndAQuotedOneIsKeptAsWritten() {
		assertThat(SqlLexer.POSTGRESQL.significantTokens("ÍndiceV3 \"ÍndiceV3\"")
			.stream()
			.filter(SqlToken::isName)
			.map(SqlToken::identifier)).containsExactly("Índicev3", "ÍndiceV3");
	}

}
