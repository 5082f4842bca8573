package dev.migrator.core.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's layers point one way, from SQL text to the facade (docs/architecture.md).
 * A failure names the class and the import that points up or closes a cycle.
 */
class LayeringTests {

	private static final String BASE = "dev.migrator.core";

	/** Bottom first: a layer may import only the layers listed before it. */
	static final Map<String, List<String>> LAYERS = layers();

	private static final JavaClasses ENGINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void everyLayerImportsOnlyTheLayersBelowIt() {
		architecture().check(ENGINE);
	}

	@Test
	void noPackageCycle() {
		slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(ENGINE);
	}

	private static Map<String, List<String>> layers() {
		Map<String, List<String>> layers = new LinkedHashMap<>();
		layers.put("error", List.of(BASE + ".error.."));
		layers.put("sql", List.of(BASE + ".sql.."));
		layers.put("op", List.of(BASE + ".op.."));
		layers.put("script", List.of(BASE + ".script.."));
		layers.put("dialect", List.of(BASE + ".dialect.."));
		layers.put("runtime", List.of(BASE + ".runtime.."));
		layers.put("capabilities", List.of(BASE + ".backfill..", BASE + ".replica..", BASE + ".lint..",
				BASE + ".compat..", BASE + ".flyway..", BASE + ".fleet..", BASE + ".baseline.."));
		layers.put("config", List.of(BASE + ".config.."));
		layers.put("command", List.of(BASE + ".command.."));
		layers.put("facade", List.of(BASE));
		layers.put("authoring", List.of(BASE + ".authoring.."));
		// The front ends' text: reads results of the facade and the authoring commands.
		layers.put("report", List.of(BASE + ".report.."));
		return layers;
	}

	static LayeredArchitecture architecture() {
		LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
		List<String> names = List.copyOf(LAYERS.keySet());
		for (String name : names) {
			architecture = architecture.layer(name).definedBy(LAYERS.get(name).toArray(String[]::new));
		}
		for (int i = 0; i < names.size(); i++) {
			List<String> above = names.subList(i + 1, names.size());
			architecture = above.isEmpty() ? architecture.whereLayer(names.get(i)).mayNotBeAccessedByAnyLayer()
					: architecture.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
		}
		return architecture;
	}

}
