package dev.migrator.core.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailingCommitTests {

	@Test
	void aTextEndingWithCommitGoesWithoutIt() {
		assertThat(
				TrailingCommit.strip("ALTER TABLE t ADD COLUMN c integer -- why\n;\nINSERT INTO h VALUES (?);\nCOMMIT"))
			.isEqualTo("ALTER TABLE t ADD COLUMN c integer -- why\n;\nINSERT INTO h VALUES (?)");
		assertThat(TrailingCommit.strip("DELETE FROM v; commit;")).isEqualTo("DELETE FROM v");
	}

	@Test
	void aCommitInALiteralOrACommentIsNotOne() {
		for (String text : new String[] { "SELECT '; COMMIT'", "SELECT 1 -- ; COMMIT", "SELECT 1 /* ; COMMIT */",
				"COMMIT", "SELECT $$; COMMIT$$", "SELECT 1" }) {
			assertThat(TrailingCommit.strip(text)).as(text).isEqualTo(text);
		}
	}

}
