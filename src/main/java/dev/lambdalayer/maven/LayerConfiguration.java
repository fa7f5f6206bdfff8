package dev.lambdalayer.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <layer>} of the POM: a name, the libraries it takes and refuses, and whether it also
 * takes their transitive dependencies.
 */
public class LayerConfiguration {

  /** The Lambda layer name: 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_'. */
  private String name;

  /** {@code groupId:artifactId[:version]} patterns, {@code *} wildcards in each part. */
  private List<String> includes = new ArrayList<>();

  /** Patterns of libraries this layer never takes, even when included or transitive. */
  private List<String> excludes = new ArrayList<>();

  /** Whether the layer also takes the dependencies of what it matched. */
  private boolean transitive = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getIncludes() {
    return includes;
  }

  public void setIncludes(List<String> includes) {
    this.includes = includes;
  }

  public List<String> getExcludes() {
    return excludes;
  }

  public void setExcludes(List<String> excludes) {
    this.excludes = excludes;
  }

  public boolean isTransitive() {
    return transitive;
  }

  public void setTransitive(boolean transitive) {
    this.transitive = transitive;
  }
}
