package dev.migrator.autoconfigure.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The auto-configuration stays thin: no package cycle, and the Actuator and metrics parts
 * listen to the engine through the facade rather than reaching into each other.
 */
class PackageCycleTests {

	private static final JavaClasses AUTOCONFIGURE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migrator.autoconfigure");

	@Test
	void noPackageCycle() {
		slices().matching("dev.migrator.autoconfigure.(**)").should().beFreeOfCycles().check(AUTOCONFIGURE);
	}

	@Test
	void theCoreWiringDoesNotImportItsActuatorOrMetricsParts() {
		noClasses().that()
			.resideInAPackage("dev.migrator.autoconfigure")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..autoconfigure.actuate..", "..autoconfigure.metrics..")
			.check(AUTOCONFIGURE);
	}

	@Test
	void actuatorAndMetricsDoNotImportEachOther() {
		noClasses().that()
			.resideInAPackage("..autoconfigure.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..autoconfigure.metrics..")
			.check(AUTOCONFIGURE);
		noClasses().that()
			.resideInAPackage("..autoconfigure.metrics..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..autoconfigure.actuate..")
			.check(AUTOCONFIGURE);
	}

}
