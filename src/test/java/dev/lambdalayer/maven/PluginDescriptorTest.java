package dev.lambdalayer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goals' parameters as Maven sees them, read from the generated {@code plugin.xml}: each goal
 * lists only what it reads, and a parameter declared in more than one class (Maven injects only
 * fields of a Mojo's own class chain) means exactly the same in every goal.
 */
class PluginDescriptorTest {

  /** Per goal, per parameter: type, property, default, required. */
  private static Map<String, Map<String, String>> goals() throws Exception {
    Document plugin =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    Map<String, Map<String, String>> goals = new LinkedHashMap<>();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      Map<String, String> parameters = new TreeMap<>();
      Element parameterList = (Element) mojo.getElementsByTagName("parameters").item(0);
      NodeList each = parameterList.getElementsByTagName("parameter");
      for (int j = 0; j < each.getLength(); j++) {
        Element p = (Element) each.item(j);
        parameters.put(text(p, "name"), text(p, "type") + " required=" + text(p, "required"));
      }
      Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
      NodeList values = configuration.getChildNodes();
      for (int j = 0; j < values.getLength(); j++) {
        if (values.item(j) instanceof Element value) {
          parameters.computeIfPresent(
              value.getTagName(),
              (name, described) ->
                  described
                      + " property="
                      + value.getTextContent()
                      + " default="
                      + value.getAttribute("default-value"));
        }
      }
      goals.put(text(mojo, "goal"), parameters);
    }
    return goals;
  }

  /** Per goal, per parameter: its description, as {@code mvn lambda:help -Ddetail} prints it. */
  private static Map<String, Map<String, String>> descriptions() throws Exception {
    Document plugin =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    Map<String, Map<String, String>> goals = new LinkedHashMap<>();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      Map<String, String> parameters = new TreeMap<>();
      Element parameterList = (Element) mojo.getElementsByTagName("parameters").item(0);
      NodeList each = parameterList.getElementsByTagName("parameter");
      for (int j = 0; j < each.getLength(); j++) {
        Element p = (Element) each.item(j);
        parameters.put(text(p, "name"), text(p, "description"));
      }
      goals.put(text(mojo, "goal"), parameters);
    }
    return goals;
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent();
  }

  @Test
  void pruneListsOnlyTheParametersItReads() throws Exception {
    assertThat(goals().get("prune").keySet())
        .containsExactlyInAnyOrder(
            "skip",
            "project",
            "session",
            "outputDirectory",
            "allowOutsideProject",
            "lockfile",
            "layers",
            "layerName",
            "regions",
            "region",
            "profile",
            "endpoint",
            "function",
            "retryMode",
            "maxAttempts",
            "allowUnknownRegion",
            "environments",
            "environment",
            "keep",
            "apply");
  }

  @Test
  void invokeListsOnlyTheParametersItReads() throws Exception {
    assertThat(goals().get("invoke").keySet())
        .containsExactlyInAnyOrder(
            "skip",
            "project",
            "session",
            "plugin",
            "outputDirectory",
            "allowOutsideProject",
            "handler",
            "event",
            "environmentVariables",
            "timeout",
            "memorySize",
            "failOnInvokeError",
            "debug",
            "client",
            "jdk");
  }

  @Test
  void promoteListsOnlyTheParametersItReads() throws Exception {
    Map<String, String> promote = goals().get("promote");
    Map<String, String> prune = goals().get("prune");
    // The same class chain as prune (AbstractLayerVersionsMojo), plus its own six.
    assertThat(promote.keySet())
        .containsAll(
            prune.keySet().stream().filter(p -> !p.equals("keep") && !p.equals("apply")).toList())
        .contains("from", "to", "dryRun", "updateTimeout", "share", "sharePublicly")
        .hasSize(prune.size() - 2 + 6);
    // Sharing means the same as for lambda:publish.
    Map<String, String> publish = goals().get("publish");
    assertThat(promote.get("share")).isEqualTo(publish.get("share"));
    assertThat(promote.get("sharePublicly")).isEqualTo(publish.get("sharePublicly"));
  }

  @Test
  void parametersDeclaredTwiceMeanTheSameForPruneAsForPublishAndAudit() throws Exception {
    Map<String, Map<String, String>> goals = goals();
    Map<String, String> prune = goals.get("prune");
    List<String> shared =
        prune.keySet().stream().filter(p -> !p.equals("keep") && !p.equals("apply")).toList();
    for (String goal : List.of("publish", "audit")) {
      Map<String, String> other = goals.get(goal);
      for (String parameter : shared) {
        assertThat(prune.get(parameter))
            .as("<%s> of lambda:prune and lambda:%s", parameter, goal)
            .isEqualTo(other.get(parameter));
      }
    }
  }

  @Test
  void onlyTheGoalsThatRunTheClassPathCheckListItsParameters() throws Exception {
    List<String> check =
        List.of(
            "handler",
            "allowedDuplicates",
            "allowedMissing",
            "failOnClassPathError",
            "skipClasspath");
    Map<String, Map<String, String>> goals = goals();
    for (String goal : List.of("classpath", "layer", "publish")) {
      assertThat(goals.get(goal).keySet()).as("lambda:%s", goal).containsAll(check);
    }
    for (String goal : List.of("lock", "audit", "prune")) {
      assertThat(goals.get(goal).keySet())
          .as("lambda:%s", goal)
          .doesNotContainAnyElementsOf(check)
          .doesNotContain("classesDirectory", "attach", "dryRun");
    }
  }

  @Test
  void aParameterMeansTheSameInEveryGoal() throws Exception {
    Map<String, Map<String, String>> goals = goals();
    goals.remove("help");
    Map<String, String> first = new TreeMap<>();
    Map<String, String> firstGoal = new TreeMap<>();
    goals.forEach(
        (goal, parameters) ->
            parameters.forEach(
                (name, described) -> {
                  first.putIfAbsent(name, described);
                  firstGoal.putIfAbsent(name, goal);
                  assertThat(described)
                      .as("<%s> of lambda:%s and lambda:%s", name, goal, firstGoal.get(name))
                      .isEqualTo(first.get(name));
                }));
  }

  @Test
  void copiedParameterDocsStayAlike() throws Exception {
    // The copies of one declaration must say the same; lambda:prune words a few of its own
    // (what it keeps, where it prunes), which aParameterMeansTheSameInEveryGoal compares by type,
    // property and default.
    Map<String, Map<String, String>> descriptions = descriptions();
    descriptions.remove("help");
    List<String> prunesOwnWording =
        List.of("endpoint", "function", "layers", "lockfile", "regions");
    Map<String, String> first = new TreeMap<>();
    descriptions.forEach(
        (goal, parameters) ->
            parameters.forEach(
                (name, description) -> {
                  // lambda:promote shares prune's class chain, and so its wording.
                  if ((goal.equals("prune") || goal.equals("promote"))
                      && prunesOwnWording.contains(name)) {
                    return;
                  }
                  first.putIfAbsent(name, description);
                  assertThat(description)
                      .as("description of <%s> in lambda:%s", name, goal)
                      .isEqualTo(first.get(name));
                }));
  }
}
