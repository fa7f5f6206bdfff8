package dev.lambdalayer.maven;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.graph.DependencyNode;

/**
 * The nodes of a collected or resolved dependency tree that are on Maven's runtime class path,
 * found the way Maven itself finds them ({@code RepositoryUtils.toArtifacts} under {@code
 * requiresDependencyResolution = runtime}): a node counts by its own, already mediated scope, and
 * the walk goes on below every node, whatever its scope.
 *
 * <p>Why below a {@code test} or {@code provided} node too: Maven mediates the version and the
 * scope of a library separately. When a library is reached under a test dependency (nearest, so its
 * version wins) and farther away along a compile path (so compile, the widest scope, wins), the
 * winning node sits under the test dependency with scope {@code compile}, and Maven puts it on the
 * runtime class path. Pruning the walk at the test node lost such libraries.
 */
final class RuntimeClassPathNodes {

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private RuntimeClassPathNodes() {}

  /** Whether Maven puts this node's artifact on the runtime class path. */
  static boolean onRuntimeClassPath(DependencyNode node) {
    return node.getDependency() != null && RUNTIME_SCOPES.contains(node.getDependency().getScope());
  }

  /**
   * The runtime class-path nodes below {@code root}, in Maven's (pre-)order. Each node is visited
   * once: a graph with a dependency cycle can reach a node again.
   */
  static List<DependencyNode> of(DependencyNode root) {
    List<DependencyNode> out = new ArrayList<>();
    Set<DependencyNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<DependencyNode> stack = new ArrayDeque<>();
    pushChildren(root, stack);
    while (!stack.isEmpty()) {
      DependencyNode node = stack.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (onRuntimeClassPath(node)) {
        out.add(node);
      }
      pushChildren(node, stack);
    }
    return out;
  }

  private static void pushChildren(DependencyNode node, Deque<DependencyNode> stack) {
    List<DependencyNode> children = node.getChildren();
    for (int i = children.size() - 1; i >= 0; i--) {
      stack.push(children.get(i));
    }
  }
}
