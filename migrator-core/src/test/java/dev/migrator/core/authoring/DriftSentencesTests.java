package dev.migrator.core.authoring;

import dev.migrator.core.authoring.schema.ColumnShape;
import dev.migrator.core.authoring.schema.ConstraintShape;
import dev.migrator.core.authoring.schema.Names;
import dev.migrator.core.authoring.schema.SchemaChange;
import dev.migrator.core.op.ColumnType;
import dev.migrator.core.op.Identity;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each schema difference as drift reports it: which side, the database or the revisions,
 * has what.
 */
class DriftSentencesTests {

	private final DriftSentences sentences = new DriftSentences(Names.forDialect("postgresql"));

	private static ColumnShape column(String type, boolean nullable, Optional<String> serverDefault) {
		return new ColumnShape("amount", type, ColumnType.custom(type), nullable, serverDefault, Identity.NONE);
	}

	@Test
	void aChangedColumnIsOneSentencePerChangedAspect() {
		ColumnShape live = column("bigint", true, Optional.of("0"));
		ColumnShape revisions = column("integer", false, Optional.empty());

		assertThat(this.sentences.of(new SchemaChange.ColumnChanged("orders", live, revisions))).containsExactly(
				"table orders: column amount is bigint in the database, integer in the revisions",
				"table orders: column amount is nullable in the database, NOT NULL in the revisions",
				"table orders: column amount has default 0 in the database, no default in the revisions");
	}

	@Test
	void keysAndConstraintsSayWhichSideHasThem() {
		assertThat(this.sentences.of(new SchemaChange.PrimaryKeyChanged("orders", Optional.empty(),
				Optional.of(new ConstraintShape.PrimaryKey(Optional.of("orders_pkey"), List.of("id"))))))
			.containsExactly("table orders: primary key is none in the database, (id) in the revisions");
		assertThat(this.sentences.of(new SchemaChange.ConstraintDropped("orders",
				new ConstraintShape.Check(Optional.of("amount_positive"), "amount > 0"))))
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("table orders: constraint amount_positive (check ")
				.endsWith(" is in the database, not in the revisions"));
	}

	@Test
	void aPossibleRenameAddsNothingToTheDropAndAddReportedBesideIt() {
		ColumnShape gone = column("integer", true, Optional.empty());
		assertThat(this.sentences.of(new SchemaChange.PossibleRename("orders", gone, gone))).isEmpty();
	}

}
