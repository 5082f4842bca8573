package dev.migrator.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Gives a test's application context a database already upgraded to the heads: the
 * context's DataSource (or {@code migrator.url}) is upgraded with the usual
 * {@code migrator.*} properties before JPA's EntityManagerFactory, JdbcTemplate and JDBC
 * repositories start, so that {@code spring.jpa.hibernate.ddl-auto=validate} sees the
 * tables the revisions create.
 *
 * <p>
 * Works on {@code @SpringBootTest} and on the slices ({@code @DataJpaTest},
 * {@code @DataJdbcTest}, {@code @JdbcTest}), which import only the auto-configurations
 * they list: this annotation imports migrator's too. An application never migrates at
 * start-up outside its migration job: this annotation, from a test-scope dependency, is
 * the only way a context migrates as it starts. The auto-configurations it imports are
 * listed in
 * {@code META-INF/spring/dev.migrator.test.autoconfigure.MigratedDatabase.imports}.
 *
 * <p>
 * Test classes with the same configuration share one cached context and so one upgrade; a
 * context on a database already at the heads finds nothing to do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface MigratedDatabase {

}
