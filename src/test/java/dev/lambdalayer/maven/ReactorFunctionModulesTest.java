package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.junit.jupiter.api.Test;

class ReactorFunctionModulesTest {

  private static final String GROUP = "dev.lambdalayer";
  private static final String ARTIFACT = "lambda-layer-maven-plugin";

  private static MavenProject project(String artifactId, String packaging, String... modules) {
    Model model = new Model();
    model.setModelVersion("4.0.0");
    model.setGroupId("com.example");
    model.setArtifactId(artifactId);
    model.setVersion("1.0");
    model.setPackaging(packaging);
    model.setModules(new ArrayList<>(Arrays.asList(modules)));
    model.setBuild(new Build());
    return new MavenProject(model);
  }

  private static MavenProject function(String artifactId) {
    return withPlugin(project(artifactId, "jar"), null);
  }

  /** Adds this plugin to {@code project}'s build plugins, configured with {@code configuration}. */
  private static MavenProject withPlugin(MavenProject project, String configuration) {
    Plugin plugin = new Plugin();
    plugin.setGroupId(GROUP);
    plugin.setArtifactId(ARTIFACT);
    plugin.setVersion("0.1.0");
    if (configuration != null) {
      plugin.setConfiguration(dom(configuration));
    }
    project.getModel().getBuild().addPlugin(plugin);
    return project;
  }

  private static MavenProject withOtherPlugin(MavenProject project) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("org.apache.maven.plugins");
    plugin.setArtifactId("maven-shade-plugin");
    plugin.setConfiguration(dom("<configuration><skip>false</skip></configuration>"));
    project.getModel().getBuild().addPlugin(plugin);
    return project;
  }

  private static Xpp3Dom dom(String xml) {
    try {
      return Xpp3DomBuilder.build(new StringReader(xml));
    } catch (XmlPullParserException | IOException e) {
      throw new AssertionError(e);
    }
  }

  private static MavenSession session(MavenProject... all) {
    MavenSession session = mock(MavenSession.class);
    when(session.getAllProjects()).thenReturn(List.of(all));
    return session;
  }

  private static List<String> of(MavenSession session, MavenProject current) {
    return ReactorFunctionModules.of(session, current, GROUP, ARTIFACT).stream()
        .map(MavenProject::getArtifactId)
        .toList();
  }

  @Test
  void modulesDeclaringThePluginCountExceptAggregatorsSkippedAndLayerProjects() {
    MavenProject parent = withPlugin(project("parent", "pom", "orders", "billing"), null);
    MavenProject orders = function("orders");
    MavenProject billing = function("billing");
    MavenProject skipped =
        withPlugin(project("skipped", "jar"), "<configuration><skip>true</skip></configuration>");
    MavenProject platform =
        withPlugin(
            project("platform", "jar"),
            "<configuration><layerProject>true</layerProject></configuration>");
    MavenProject library = project("library", "jar");

    assertThat(of(session(parent, orders, skipped, platform, library, billing), orders))
        .containsExactly("orders", "billing");
  }

  @Test
  void aPomModuleWithoutModulesThatDeclaresThePluginCounts() {
    // Only aggregators are left out, not every pom: a pom module can declare dependencies too.
    MavenProject parent = withPlugin(project("parent", "pom", "orders", "bundle"), null);
    MavenProject orders = function("orders");
    MavenProject bundle = withPlugin(project("bundle", "pom"), null);
    assertThat(of(session(parent, orders, bundle), orders)).containsExactly("orders", "bundle");
  }

  @Test
  void skipAndLayerProjectInAnExecutionsConfigurationCountToo() {
    MavenProject orders = function("orders");
    MavenProject skipped = function("skipped");
    PluginExecution skipExecution = new PluginExecution();
    skipExecution.setId("default");
    skipExecution.setConfiguration(dom("<configuration><skip> TRUE </skip></configuration>"));
    skipped.getBuildPlugins().get(0).addExecution(skipExecution);
    MavenProject platform = function("platform");
    PluginExecution layerExecution = new PluginExecution();
    layerExecution.setId("layer");
    layerExecution.setConfiguration(
        dom("<configuration><layerProject>true</layerProject></configuration>"));
    platform.getBuildPlugins().get(0).addExecution(layerExecution);

    assertThat(of(session(orders, skipped, platform), orders)).containsExactly("orders");
  }

  @Test
  void skipFalseAndOtherSettingsDoNotExclude() {
    MavenProject orders =
        withPlugin(
            project("orders", "jar"),
            "<configuration><skip>false</skip><layerProject>false</layerProject>"
                + "<reactorLayer>shared</reactorLayer></configuration>");
    MavenProject billing =
        withPlugin(project("billing", "jar"), "<configuration><skip/></configuration>");
    assertThat(of(session(orders, billing), orders)).containsExactly("orders", "billing");
  }

  @Test
  void anotherPluginsSkipDoesNotMatter() {
    MavenProject orders = function("orders");
    MavenProject billing = withOtherPlugin(function("billing"));
    MavenProject shaded = withOtherPlugin(project("shaded", "jar"));
    assertThat(of(session(orders, billing, shaded), orders)).containsExactly("orders", "billing");
  }

  @Test
  void withoutAnyModuleDeclaringThePluginEveryNonPomModuleCounts() {
    MavenProject parent = project("parent", "pom", "orders", "billing", "bom");
    MavenProject orders = project("orders", "jar");
    MavenProject billing = withOtherPlugin(project("billing", "jar"));
    MavenProject bom = project("bom", "pom");
    MavenProject war = project("web", "war");

    assertThat(of(session(parent, orders, billing, bom, war), billing))
        .containsExactly("orders", "billing", "web");
  }

  @Test
  void theCurrentProjectIsIncludedEvenWhenItDoesNotDeclareThePlugin() {
    // Run from the command line in one module while others declare the plugin.
    MavenProject orders = function("orders");
    MavenProject billing = project("billing", "jar");
    assertThat(of(session(orders, billing), billing)).containsExactly("orders", "billing");
  }

  @Test
  void theCurrentProjectIsIncludedWhenTheSessionDoesNotListIt() {
    MavenProject orders = function("orders");
    MavenProject outside = function("outside");
    assertThat(of(session(orders), outside)).containsExactly("orders", "outside");
  }

  @Test
  void theCurrentProjectIsIncludedEvenIfAggregatorOrPom() {
    MavenProject parent = project("parent", "pom", "orders");
    MavenProject orders = project("orders", "jar");
    assertThat(of(session(parent, orders), parent)).containsExactly("orders", "parent");
  }

  @Test
  void theCurrentProjectIsNotAddedTwiceWhenListedAsAnotherInstance() {
    MavenProject orders = function("orders");
    MavenProject billing = function("billing");
    // The mojo's project may be another object than the session's, with the same coordinates.
    MavenProject sameOrders = function("orders");
    List<MavenProject> modules =
        ReactorFunctionModules.of(session(orders, billing), sameOrders, GROUP, ARTIFACT);
    assertThat(modules).containsExactly(orders, billing);
  }

  @Test
  void aProjectAtAnotherVersionIsAnotherProject() {
    MavenProject orders = function("orders");
    MavenProject newer = function("orders");
    newer.setVersion("2.0");
    assertThat(ReactorFunctionModules.sameProject(orders, function("orders"))).isTrue();
    assertThat(ReactorFunctionModules.sameProject(orders, newer)).isFalse();
    assertThat(ReactorFunctionModules.of(session(orders), newer, GROUP, ARTIFACT))
        .containsExactly(orders, newer);
  }

  @Test
  void withoutAllProjectsTheSessionsProjectsAreUsed() {
    MavenProject orders = function("orders");
    MavenProject billing = function("billing");
    MavenSession session = mock(MavenSession.class);
    when(session.getAllProjects()).thenReturn(null);
    when(session.getProjects()).thenReturn(List.of(orders, billing));
    assertThat(of(session, orders)).containsExactly("orders", "billing");
  }

  @Test
  void thePluginIsRecognisedByGroupAndArtifactId() {
    MavenProject orders = function("orders");
    MavenProject billing = function("billing");
    // Another plugin with the same artifactId in another group is not this plugin.
    List<MavenProject> modules =
        ReactorFunctionModules.of(session(orders, billing), orders, "org.other", ARTIFACT);
    // No module declares org.other:..., so every non-pom module counts.
    assertThat(modules).containsExactly(orders, billing);
    MavenProject foreign = project("foreign", "jar");
    Plugin plugin = new Plugin();
    plugin.setGroupId("org.other");
    plugin.setArtifactId(ARTIFACT);
    foreign.getModel().getBuild().addPlugin(plugin);
    assertThat(of(session(orders, billing, foreign), orders)).containsExactly("orders", "billing");
  }
}
