package dev.migrator.sample;

import java.util.List;

/** The sample app's revisions, the same ids on both databases. */
final class Revisions {

	static final List<String> ALL = List.of("0001_initial", "0002_split_name_expand", "0003_split_name_backfill",
			"0004_user_status_enum", "0005_orders_user_index", "0006_orders_user_fk", "0007_validate_orders_user_fk",
			"0008_split_name_not_null", "0009_drop_full_name");

	/** The contract revisions, last in the graph: what an expand-phase job holds back. */
	static final List<String> CONTRACT = List.of("0008_split_name_not_null", "0009_drop_full_name");

	static final String FIRST = "0001_initial";

	static final String HEAD = "0009_drop_full_name";

	private Revisions() {
	}

	/** The revisions after {@code revision}, in upgrade order. */
	static List<String> after(String revision) {
		return ALL.subList(ALL.indexOf(revision) + 1, ALL.size());
	}

}
