package dev.migrator.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Another session's query, shown without any value it holds. */
class QueryShapeTests {

	@Test
	void everyLiteralBecomesAQuestionMark() {
		assertThat(QueryShape.of("SELECT *\n  FROM \"users\" WHERE email = 'a@b.c' AND id > 42 -- note 'x'\n"
				+ "AND n = E'it\\'s' AND b = $$body$$ AND p = $1", 200))
			.isEqualTo("SELECT * FROM \"users\" WHERE email = ? AND id > ? AND n = ? AND b = ? AND p = $1");
	}

	@Test
	void aLongQueryIsCutShort() {
		assertThat(QueryShape.of("SELECT " + "a, ".repeat(100) + "b FROM t", 30)).hasSize(30).endsWith("…");
	}

}
