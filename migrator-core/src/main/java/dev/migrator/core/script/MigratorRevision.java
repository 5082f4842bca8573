package dev.migrator.core.script;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The header of a {@link JavaMigration}: the same keys a SQL revision file has. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MigratorRevision {

	String id();

	String[] revises() default {};

	String message() default "";

	/** {@code expand}, {@code migrate} or {@code contract}. */
	String phase() default "expand";

	boolean transactional() default true;

	String[] branchLabels() default {};

	String[] dependsOn() default {};

	/** A duration such as {@code 2s} or {@code 500ms}; empty for the run's default. */
	String lockTimeout() default "";

	/** A duration such as {@code 5min}; empty for the run's default. */
	String statementTimeout() default "";

}
