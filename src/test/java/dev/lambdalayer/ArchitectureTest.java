package dev.lambdalayer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules, checked on every build: {@code maven → core ← aws}; the core is plain Java
 * split by capability, with no cycle between its packages; Maven and AWS types stay in their
 * adapters.
 */
@AnalyzeClasses(packages = "dev.lambdalayer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreImportsNeitherMavenNorAws =
      noClasses()
          .that()
          .resideInAPackage("dev.lambdalayer.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.lambdalayer.maven..",
              "dev.lambdalayer.aws..",
              "org.apache.maven..",
              "org.eclipse.aether..",
              "org.codehaus.plexus..",
              "software.amazon..")
          .because("the core is plain Java that any build tool or cloud adapter can drive");

  @ArchTest
  static final ArchRule awsKnowsNothingOfMaven =
      noClasses()
          .that()
          .resideInAPackage("dev.lambdalayer.aws..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.lambdalayer.maven..", "org.apache.maven..", "org.eclipse.aether..")
          .because("packages point one way: maven -> core <- aws");

  @ArchTest
  static final ArchRule mavenReachesAwsOnlyThroughTheInjectedPorts =
      noClasses()
          .that()
          .resideInAPackage("dev.lambdalayer.maven..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.lambdalayer.aws..")
          .because(
              "Mojos get the AwsPorts factory injected (Sisu finds the aws implementation), so"
                  + " harness tests can hand them in-memory fakes");

  @ArchTest
  static final ArchRule theModelDependsOnNoOtherCapability =
      noClasses()
          .that()
          .resideInAPackage("dev.lambdalayer.core.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.lambdalayer.core.zip..",
              "dev.lambdalayer.core.plan..",
              "dev.lambdalayer.core.lock..",
              "dev.lambdalayer.core.classpath..",
              "dev.lambdalayer.core.compare..",
              "dev.lambdalayer.core.port..",
              "dev.lambdalayer.core.publish..",
              "dev.lambdalayer.core.prune..",
              "dev.lambdalayer.core.invoke..",
              "dev.lambdalayer.core.job..")
          .because("every capability builds on the model's values");

  @ArchTest
  static final ArchRule onlyJobsCombineCapabilities =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.lambdalayer.core.job..", "dev.lambdalayer.maven..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.lambdalayer.core.job..")
          .because("a job is the one entry point of a goal; nothing in the core calls a job");

  @ArchTest
  static final ArchRule onlyTheAwsAdapterUsesTheSdk =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.lambdalayer.aws..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon..")
          .because("the AWS SDK is an adapter's detail; the core sees ports");

  @ArchTest
  static final ArchRule onlyTheMavenAdapterUsesMavenTypes =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.lambdalayer.maven..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..")
          .because("Mojos are thin adapters: parameters in, one core job called");

  @ArchTest
  static final ArchRule onlyTheZipPackageUsesCommonsCompress =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.lambdalayer.core.zip..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.commons.compress..")
          .because("the zip format and its byte-for-byte guarantee live in one package");

  @ArchTest
  static final ArchRule theLauncherNeedsOnlyWhatLambdasRuntimeHas =
      classes()
          .that()
          .resideInAPackage("dev.lambdalayer.launcher..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "com.amazonaws.services.lambda.runtime..", "dev.lambdalayer.launcher..")
          .because(
              "lambda:invoke copies it into the function's JVM, where only the JDK,"
                  + " aws-lambda-java-core and the serialization library are on the class path");

  @ArchTest
  static final ArchRule nothingOfThePluginUsesTheLauncher =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.lambdalayer.launcher..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.lambdalayer.launcher..")
          .because("it runs in another JVM; the plugin names its classes, never links them");

  @ArchTest
  static final ArchRule coreCapabilitiesHaveNoCycles =
      slices().matching("dev.lambdalayer.core.(*)..").should().beFreeOfCycles();
}
