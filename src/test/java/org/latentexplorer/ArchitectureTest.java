package org.latentexplorer;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers and packages of docs/ARCHITECTURE.md: ui on engine on data, with JavaFX only in the ui and the launcher;
 * in the engine and in the ui one package per part of the chapter, which meet only through the shared ones.
 */
@AnalyzeClasses(packages = "org.latentexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule headlessLayersDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.latentexplorer.data..", "org.latentexplorer.engine..",
                    "org.latentexplorer.cli..", "org.latentexplorer.i18n..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("models must train and test without a display, and the command line runs headless");

    @ArchTest
    static final ArchRule dataDoesNotUseDl4j = noClasses()
            .that().resideInAPackage("org.latentexplorer.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("the data layer reads and prepares images; training lives in the engine");

    @ArchTest
    static final ArchRule dataIsTheBottomLayer = noClasses()
            .that().resideInAPackage("org.latentexplorer.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.latentexplorer.engine..",
                    "org.latentexplorer.ui..", "org.latentexplorer.cli..", "org.latentexplorer.app..");

    @ArchTest
    static final ArchRule engineDoesNotKnowItsCallers = noClasses()
            .that().resideInAPackage("org.latentexplorer.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.latentexplorer.ui..", "org.latentexplorer.cli..",
                    "org.latentexplorer.app..");

    @ArchTest
    static final ArchRule i18nDependsOnNoLayer = noClasses()
            .that().resideInAPackage("org.latentexplorer.i18n..")
            .should().dependOnClassesThat().resideInAnyPackage("org.latentexplorer.data..",
                    "org.latentexplorer.engine..", "org.latentexplorer.ui..", "org.latentexplorer.cli..",
                    "org.latentexplorer.app..")
            .because("both the ui and the command line use the bundles");

    @ArchTest
    static final ArchRule theUiWorksOffItsThreadOnlyThroughBackground = noClasses()
            .that().resideInAPackage("org.latentexplorer.ui..")
            .and().doNotHaveFullyQualifiedName("org.latentexplorer.ui.base.Background")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ExecutorService")
            .orShould().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .because("one abstraction hands results back to the UI thread and drops them once its owner has closed");

    @ArchTest
    static final ArchRule layersAndPackagesAreFreeOfCycles = slices().matching("org.latentexplorer.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule engineCoreKnowsNoPartOfTheChapter = noClasses()
            .that().resideInAPackage("org.latentexplorer.engine.core..")
            .should().dependOnClassesThat(resideInAPackage("org.latentexplorer.engine..")
                    .and(not(resideInAPackage("org.latentexplorer.engine.core.."))))
            .because("the model contract, the Trainer and the runtime serve every part of the chapter alike");

    @ArchTest
    static final ArchRule partsOfTheChapterMeetOnlyThroughTheSharedEnginePackages = slices()
            .matching("org.latentexplorer.engine.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("org.latentexplorer.engine.core..",
                    "org.latentexplorer.engine.tinynet.."))
            .ignoreDependency(resideInAPackage("org.latentexplorer.engine.store.."), alwaysTrue())
            .because("a part of the chapter is read, changed and tested on its own; the model files (store) name "
                    + "every kind of model, and the small networks (tinynet) serve the GAN lab and the season");

    @ArchTest
    static final ArchRule theSharedUiPackagesKnowNoPartOfTheChapter = noClasses()
            .that().resideInAnyPackage("org.latentexplorer.ui.base..", "org.latentexplorer.ui.training..",
                    "org.latentexplorer.ui.widgets..")
            .should().dependOnClassesThat().resideInAnyPackage("org.latentexplorer.ui.intro..",
                    "org.latentexplorer.ui.ae..", "org.latentexplorer.ui.vae..", "org.latentexplorer.ui.vqvae..",
                    "org.latentexplorer.ui.gan..", "org.latentexplorer.ui.ganlab..", "org.latentexplorer.ui.shell..")
            .because("a widget serves every section alike; what one section draws lives in that section's package");

    @ArchTest
    static final ArchRule uiPartsOfTheChapterDoNotImportEachOther = slices()
            .matching("org.latentexplorer.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("org.latentexplorer.ui.base..",
                    "org.latentexplorer.ui.training..", "org.latentexplorer.ui.widgets.."))
            .ignoreDependency(resideInAPackage("org.latentexplorer.ui.shell.."), alwaysTrue())
            .because("a section's views and view models are read, changed and tested on their own; only the window "
                    + "shell (ui.shell) puts the sections together");
}
