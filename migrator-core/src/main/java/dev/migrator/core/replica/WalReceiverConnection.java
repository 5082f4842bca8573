package dev.migrator.core.replica;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the name a standby's WAL receiver gives the primary from the connection string
 * the standby shows in {@code pg_stat_wal_receiver.conninfo}: its
 * {@code application_name} when set, else the {@code fallback_application_name}
 * PostgreSQL adds (the standby's {@code cluster_name}, or {@code walreceiver}).
 */
final class WalReceiverConnection {

	private WalReceiverConnection() {
	}

	static Optional<String> applicationName(String conninfo) {
		Map<String, String> options = options(conninfo);
		String name = options.getOrDefault("application_name", "");
		if (name.isEmpty()) {
			name = options.getOrDefault("fallback_application_name", "");
		}
		return name.isEmpty() ? Optional.empty() : Optional.of(name);
	}

	// libpq's keyword=value form: values may be single-quoted, with backslash escapes.
	private static Map<String, String> options(String conninfo) {
		Map<String, String> options = new HashMap<>();
		int i = 0;
		int length = conninfo.length();
		while (i < length) {
			while (i < length && Character.isWhitespace(conninfo.charAt(i))) {
				i++;
			}
			int equals = conninfo.indexOf('=', i);
			if (i >= length || equals < 0) {
				break;
			}
			String key = conninfo.substring(i, equals).trim();
			i = equals + 1;
			while (i < length && Character.isWhitespace(conninfo.charAt(i))) {
				i++;
			}
			StringBuilder value = new StringBuilder();
			boolean quoted = i < length && conninfo.charAt(i) == '\'';
			if (quoted) {
				i++;
			}
			while (i < length) {
				char c = conninfo.charAt(i);
				if (c == '\\' && i + 1 < length) {
					value.append(conninfo.charAt(i + 1));
					i += 2;
					continue;
				}
				if (quoted ? c == '\'' : Character.isWhitespace(c)) {
					i++;
					break;
				}
				value.append(c);
				i++;
			}
			options.put(key, value.toString());
		}
		return options;
	}

}
