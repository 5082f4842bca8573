package dev.migrator.core.op;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.migrator.core.op.ColumnType.integer;
import static dev.migrator.core.op.ColumnType.text;
import static dev.migrator.core.op.Columns.check;
import static dev.migrator.core.op.Columns.col;
import static dev.migrator.core.op.Columns.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingConventionTests {

	private final NamingConvention defaults = NamingConvention.defaults();

	@Test
	void unnamedConstraintsAndIndexesGetTheDefaultNames() {
		CreateTable table = (CreateTable) this.defaults
			.apply(new CreateTable("orders",
					List.of(col("id", integer()).primaryKey(), col("code", text()).unique(),
							col("user_id", integer()).references("users", "id")),
					List.of(check("positive", "id > 0"))));
		assertThat(table.constraints()).extracting((c) -> c.name().orElseThrow())
			.containsExactly("pk_orders", "uq_orders_code", "fk_orders_user_id_users", "ck_orders_positive");
		assertThat(this.defaults.name(CreateIndex.on("orders", "a", "b")).name()).contains("ix_orders_a_b");
	}

	@Test
	void anExactNameIsKeptAndNamingTwiceChangesNothing() {
		AddUniqueConstraint named = new AddUniqueConstraint("t", UniqueConstraint.of("a").named("my_unique"));
		assertThat(this.defaults.apply(named)).isEqualTo(named);
		Operation once = this.defaults.apply(new AddCheckConstraint("t", check("c", "a > 0"), false));
		assertThat(this.defaults.apply(once)).isEqualTo(once);
	}

	@Test
	void aLongNameIsShortenedToTheSameNameEveryTime() {
		CreateIndex index = CreateIndex.on("a_table_with_a_rather_long_name_indeed", "first_long_column",
				"second_long_column");
		String name = this.defaults.name(index).name().orElseThrow();
		assertThat(name).hasSize(63)
			.isEqualTo("ix_a_table_with_a_rather_long_name_indeed_first_long_c_55ff28fe")
			.isEqualTo(this.defaults.name(index).name().orElseThrow());
		assertThat(NamingConvention.shorten("ix_" + "é".repeat(40))).satisfies((n) -> {
			assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
			assertThat(n).matches("ix_é+_[0-9a-f]{8}");
		});
		assertThat(NamingConvention.shorten("ix_a_b")).isEqualTo("ix_a_b");
	}

	@Test
	void aCustomConventionIsUsed() {
		NamingConvention custom = new NamingConvention("{table}_pkey", "{table}_{columns}_fkey",
				"{table}_{columns}_key", "{table}_{constraint}_check", "{table}_{columns}_idx");
		AddForeignKey fk = (AddForeignKey) custom
			.apply(new AddForeignKey("members", foreignKey("team_id", "teams", "id"), false));
		assertThat(fk.constraint().name()).contains("members_team_id_fkey");
	}

	@Test
	void anUnknownPlaceholderIsRefused() {
		assertThatThrownBy(() -> new NamingConvention("pk_{tabel}", "fk", "uq", "ck", "ix"))
			.isInstanceOf(InvalidOperationException.class)
			.hasMessageContaining("uses {tabel}; known placeholders are [table, columns, referred_table, constraint]");
	}

	@Test
	void anExpressionIndexWithoutANameIsRefused() {
		assertThatThrownBy(() -> this.defaults.name(CreateIndex.onExpression("users", "lower(email)")))
			.isInstanceOf(InvalidOperationException.class)
			.hasMessageContaining("an index with an expression has no column names to build a name from");
	}

}
