package dev.migrator.core.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JDBC side of {@link ScratchFence}: a connection whose statements, plain, prepared
 * or callable, hand every execution to the fence with the SQL it runs; a text that ends
 * with {@code COMMIT} goes without it ({@link TrailingCommit}), so that nothing commits
 * before the fence has checked it. Everything else goes to the connection underneath as
 * it is.
 */
final class FencedJdbc {

	private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "executeBatch", "executeLargeBatch");

	private FencedJdbc() {
	}

	/** Runs one execution on the statement underneath. */
	interface Execution {

		Object run() throws Throwable;

		/** What the execution returns when the fence does not run it. */
		Object skipped();

	}

	static Connection connection(Connection raw, ScratchFence fence) {
		Connection[] self = new Connection[1];
		self[0] = (Connection) Proxy.newProxyInstance(FencedJdbc.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
						args[0] = TrailingCommit.strip(sql);
					}
					Object result = invoke(raw, method, args);
					return switch (method.getName()) {
						case "createStatement" ->
							statement((Statement) result, Statement.class, raw, self[0], fence, null);
						case "prepareStatement" -> statement((Statement) result, PreparedStatement.class, raw, self[0],
								fence, (String) args[0]);
						case "prepareCall" -> statement((Statement) result, CallableStatement.class, raw, self[0],
								fence, (String) args[0]);
						default -> result;
					};
				});
		return self[0];
	}

	private static Object statement(Statement raw, Class<? extends Statement> type, Connection rawConnection,
			Connection connection, ScratchFence fence, String prepared) {
		return Proxy.newProxyInstance(FencedJdbc.class.getClassLoader(), new Class<?>[] { type },
				new StatementHandler(raw, rawConnection, connection, fence, prepared));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * A statement's executions through the fence: the SQL is the prepared text, or the
	 * text passed to the execution, or the batch added so far.
	 */
	private static final class StatementHandler implements InvocationHandler {

		private final Statement raw;

		private final Connection rawConnection;

		private final Connection connection;

		private final ScratchFence fence;

		private final String prepared;

		private final List<String> batch = new ArrayList<>();

		StatementHandler(Statement raw, Connection rawConnection, Connection connection, ScratchFence fence,
				String prepared) {
			this.raw = raw;
			this.rawConnection = rawConnection;
			this.connection = connection;
			this.fence = fence;
			this.prepared = prepared;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (name.equals("getConnection")) {
				return this.connection;
			}
			if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
				this.batch.add(sql);
			}
			else if (name.equals("clearBatch")) {
				this.batch.clear();
			}
			if (!EXECUTIONS.contains(name)) {
				return FencedJdbc.invoke(this.raw, method, args);
			}
			if (args != null && args.length > 0 && args[0] instanceof String text) {
				args[0] = TrailingCommit.strip(text);
			}
			List<String> sql = sql(name, args);
			List<String> ran = List.copyOf(sql);
			Object result = this.fence.run(this.rawConnection, ran, new Execution() {
				@Override
				public Object run() throws Throwable {
					return FencedJdbc.invoke(StatementHandler.this.raw, method, args);
				}

				@Override
				public Object skipped() {
					Class<?> type = method.getReturnType();
					return (type == boolean.class) ? Boolean.FALSE
							: (type == int.class) ? Integer.valueOf(0) : (type == long.class) ? Long.valueOf(0) : null;
				}
			});
			if (name.startsWith("executeBatch") || name.startsWith("executeLargeBatch")) {
				this.batch.clear();
			}
			return result;
		}

		private List<String> sql(String name, Object[] args) {
			if (args != null && args.length > 0 && args[0] instanceof String text) {
				return List.of(text);
			}
			if (name.endsWith("Batch")) {
				List<String> all = new ArrayList<>(this.batch);
				if (this.prepared != null) {
					all.add(0, this.prepared);
				}
				return all;
			}
			return (this.prepared != null) ? List.of(this.prepared) : List.of();
		}

	}

}
