package dev.migrator.core.error;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's spellings are the contract scripts and alerts match on. */
class ErrorCodeTests {

	@Test
	void everyCodeIsLowerCaseWordsJoinedByHyphensAndNamedAfterItsConstant() {
		assertThat(ErrorCode.values()).allSatisfy((code) -> {
			assertThat(code.code()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
			assertThat(code.name()).isEqualTo(code.code().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		});
	}

	@Test
	void anExceptionReportsTheSpellingOfItsCode() {
		MigratorException ex = new MigratorException(ErrorCode.REVISION_CYCLE, "a cycle");
		assertThat(ex.code()).isEqualTo("revision-cycle");
		assertThat(ex.errorCode()).isSameAs(ErrorCode.REVISION_CYCLE);
	}

	@Test
	void theCodesThatDocumentationAndScriptsNameAreInTheCatalog() {
		assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).contains("check-failed", "lint-failed",
				"migration-failed", "contract-blocked", "checksum-mismatch", "database-error", "run-lock-timeout",
				"invalid-configuration", "backfill-failed", "statement-outcome-unknown");
	}

}
