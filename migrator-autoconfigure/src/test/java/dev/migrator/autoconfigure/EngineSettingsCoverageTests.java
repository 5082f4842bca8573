package dev.migrator.autoconfigure;

import dev.migrator.core.config.MigratorConfig;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter sets every setting of the engine's configuration builder from its
 * properties or beans, so that a new engine setting cannot be forgotten here. The Maven
 * plugin's {@code EngineSettingsTests} holds the goals to the same builder.
 */
class EngineSettingsCoverageTests {

	/**
	 * Builder methods the starter does not call, on purpose.
	 */
	private static final Set<String> NOT_FROM_THE_STARTER = Set.of(
			// Extra revision sources are code: a MigratorConfigCustomizer bean adds them.
			"source",
			// One placeholder at a time is for code; the starter sets the whole map.
			"placeholder");

	@Test
	void theStarterCallsEveryBuilderMethodButTheListedOnes() {
		JavaClasses starter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.migrator.autoconfigure");
		Set<String> called = starter.stream()
			.flatMap((type) -> Stream.concat(type.getMethodCallsFromSelf().stream(),
					type.getMethodReferencesFromSelf().stream()))
			.filter((access) -> access.getTargetOwner().isEquivalentTo(MigratorConfig.Builder.class))
			.map(JavaCodeUnitAccess::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> setters = Arrays.stream(MigratorConfig.Builder.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()))
			.filter((method) -> method.getReturnType() == MigratorConfig.Builder.class)
			.map(Method::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(setters).as("the exceptions name builder methods").containsAll(NOT_FROM_THE_STARTER);
		Set<String> missing = new TreeSet<>(setters);
		missing.removeAll(called);
		missing.removeAll(NOT_FROM_THE_STARTER);
		assertThat(missing)
			.as("builder methods the starter never calls: add a property (and map it in the Maven "
					+ "plugin's EngineSettings too), or list the method in NOT_FROM_THE_STARTER with the reason")
			.isEmpty();
	}

}
