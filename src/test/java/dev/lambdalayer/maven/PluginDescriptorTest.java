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
 * The goals' parameters as Maven sees them, read from the generated {@code plugin.xml}: {@code
 * lambda:prune} lists only what it reads, and the parameters it declares again (Java has one
 * superclass) mean exactly what they mean for {@code lambda:publish}.
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
            "keep",
            "apply");
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
}
