package dev.migrator.benchmarks.job;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one Spring Boot application that {@code SpringBootJobBenchmark} starts as a child
 * JVM for every tool: which tool migrates depends only on the classpath the child gets
 * (migrator's starter, Spring Boot's Flyway or its Liquibase integration) and on the
 * properties passed as arguments.
 *
 * <p>
 * Flyway and Liquibase migrate while the context refreshes, so once {@code run} returns
 * there is nothing left to do: the context is closed and the process exits with Spring
 * Boot's exit code, as a job would. migrator's job (started with the {@code migrate}
 * profile) migrates in its runner and ends the process itself, from the ready event,
 * before {@code run} returns.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class BenchJobApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BenchJobApplication.class);
		application.addListeners(new ContextStartedMark(System.out));
		ConfigurableApplicationContext context = application.run(args);
		System.exit(SpringApplication.exit(context));
	}

}
