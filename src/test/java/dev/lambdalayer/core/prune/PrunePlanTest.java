package dev.lambdalayer.core.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.port.FunctionReader.LayerUse;
import dev.lambdalayer.core.port.InMemoryAws;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.prune.PrunePlan.Decision;
import dev.lambdalayer.core.prune.PrunePlan.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PrunePlanTest {

  static String arn(long version) {
    return "arn:aws:lambda:eu-west-1:123456789012:layer:deps:" + version;
  }

  static List<LayerVersionInfo> versions(long... numbers) {
    return LongStream.of(numbers)
        .mapToObj(n -> new LayerVersionInfo(arn(n), n, "", null, 0))
        .toList();
  }

  static List<Long> deleted(PrunePlan plan) {
    return plan.toDelete().stream().map(Decision::version).toList();
  }

  @Test
  void keepsTheNewestNWhateverTheOrderOfTheList() {
    PrunePlan plan =
        PrunePlan.plan("deps", "eu-west-1", versions(2, 5, 1, 4, 3), Set.of(), List.of(), 3);
    assertThat(deleted(plan)).containsExactly(2L, 1L);
    assertThat(plan.toKeep()).extracting(Decision::version).containsExactly(5L, 4L, 3L);
    assertThat(plan.toKeep()).allMatch(d -> d.reasons().equals(List.of(Reason.NEWEST)));
  }

  @Test
  void fewerVersionsThanKeepDeletesNothing() {
    assertThat(PrunePlan.plan("deps", "r", versions(1, 2), Set.of(), List.of(), 3).toDelete())
        .isEmpty();
  }

  @Test
  void lockedAndReferencedVersionsAreNeverDeletedEvenWithKeepZero() {
    List<LayerUse> uses =
        List.of(
            new LayerUse(arn(2), "function 'hello' $LATEST"),
            new LayerUse(arn(3), "alias 'live' of function 'hello' (version 4)"),
            new LayerUse(arn(3), "alias 'live' of function 'hello' (version 4)"),
            new LayerUse("arn:aws:lambda:eu-west-1:123456789012:layer:other:1", "x"));
    PrunePlan plan =
        PrunePlan.plan("deps", "eu-west-1", versions(1, 2, 3, 4, 5), Set.of(1L), uses, 0);

    assertThat(deleted(plan)).containsExactly(5L, 4L);
    Map<Long, Decision> kept = new HashMap<>();
    plan.toKeep().forEach(d -> kept.put(d.version(), d));
    assertThat(kept.get(1L).why(0)).isEqualTo("recorded in the lockfile");
    assertThat(kept.get(2L).why(0)).isEqualTo("used by function 'hello' $LATEST");
    assertThat(kept.get(3L).why(0))
        .isEqualTo("used by alias 'live' of function 'hello' (version 4)");
  }

  @Test
  void everyReasonIsGiven() {
    PrunePlan plan =
        PrunePlan.plan(
            "deps", "r", versions(1), Set.of(1L), List.of(new LayerUse(arn(1), "f $LATEST")), 3);
    assertThat(plan.decisions().get(0).why(3))
        .isEqualTo("one of the newest 3; recorded in the lockfile; used by f $LATEST");
  }

  @Test
  void negativeKeepNamesTheSetting() {
    assertThatThrownBy(() -> PrunePlan.plan("deps", "r", versions(1), Set.of(), List.of(), -1))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.violations().get(0).setting()).isEqualTo(Setting.PRUNE_KEEP));
  }

  @Test
  void checkKeepRefusesOnlyNegativeValues() {
    PrunePlan.checkKeep(0);
    PrunePlan.checkKeep(3);
    assertThatThrownBy(() -> PrunePlan.checkKeep(-1))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().get(0).setting()).isEqualTo(Setting.PRUNE_KEEP);
              assertThat(e.violations().get(0).value()).isEqualTo("-1");
            });
  }

  /** Layer versions in memory, with references that a test may change. */
  static final class MemoryInventory extends InMemoryAws {
    final Map<String, List<Long>> layers = new HashMap<>();
    final Set<String> deleted = new HashSet<>();
    List<LayerUse> uses = new ArrayList<>();
    Runnable onReferences = () -> {};
    int referenceCalls;

    @Override
    public List<LayerVersionInfo> listLayerVersions(String region, String layerName) {
      return layers.getOrDefault(layerName, List.of()).stream()
          .filter(v -> !deleted.contains(layerName + ":" + v))
          .map(v -> new LayerVersionInfo(arn(v), v, "", null, 0))
          .toList();
    }

    @Override
    public Optional<LayerVersionInfo> getLayerVersion(
        String region, String layerName, long version) {
      return deleted.contains(layerName + ":" + version)
          ? Optional.empty()
          : Optional.of(new LayerVersionInfo(arn(version), version, "", "x", 1000 * version));
    }

    @Override
    public void deleteLayerVersion(String region, String layerName, long version) {
      deleted.add(layerName + ":" + version);
    }

    @Override
    public List<LayerUse> functionReferences(String region, String function) {
      if (referenceCalls++ > 0) {
        onReferences.run();
      }
      return List.copyOf(uses);
    }
  }

  static Lockfile lockWith(long version) {
    return new Lockfile(
        1,
        "g:a",
        "2026-01-01T00:00:00Z",
        "z1",
        List.of(
            new Lockfile.Layer(
                "deps",
                List.of("java21"),
                List.of("x86_64"),
                "0".repeat(64),
                null,
                List.of(),
                List.of(
                    new Lockfile.Published(
                        "eu-west-1", "123456789012", arn(version), version, null)))),
        null);
  }

  @Test
  void dryRunDeletesNothingAndReportsWhatItWouldFree() {
    MemoryInventory inventory = new MemoryInventory();
    inventory.layers.put("deps", List.of(1L, 2L, 3L, 4L, 5L, 6L));
    inventory.uses.add(new LayerUse(arn(2), "function 'hello' $LATEST"));
    List<String> log = new ArrayList<>();

    LayerPruning.Report report =
        new LayerPruning(inventory, log::add)
            .prune(
                new LayerPruning.Request(
                    List.of("eu-west-1"),
                    List.of("deps"),
                    Optional.of(lockWith(1)),
                    "hello",
                    2,
                    false));

    assertThat(inventory.deleted).isEmpty();
    assertThat(report.count(LayerPruning.Action.WOULD_DELETE)).isEqualTo(2);
    assertThat(report.bytes()).isEqualTo(4000 + 3000);
    assertThat(log)
        .contains(
            "  delete deps eu-west-1 version 4 (4,000 bytes): not among the newest 2, not locked,"
                + " not referenced [dry run]",
            "  keep   deps eu-west-1 version 2: used by function 'hello' $LATEST",
            "  keep   deps eu-west-1 version 1: recorded in the lockfile");
    assertThat(LayerPruning.json(report))
        .contains("\"apply\": false")
        .contains("\"bytesWouldBeFreed\": 7000")
        .contains("\"action\": \"would-delete\"");
  }

  @Test
  void applyDeletesButRechecksReferencesRightBeforeEachDeletion() {
    MemoryInventory inventory = new MemoryInventory();
    inventory.layers.put("deps", List.of(1L, 2L, 3L, 4L, 5L));
    // A deploy moves $LATEST onto version 2 after the plan was made.
    inventory.onReferences =
        () -> inventory.uses = List.of(new LayerUse(arn(2), "function 'hello' $LATEST"));

    LayerPruning.Report report =
        new LayerPruning(inventory, s -> {})
            .prune(
                new LayerPruning.Request(
                    List.of("eu-west-1"), List.of("deps"), Optional.empty(), "hello", 2, true));

    assertThat(inventory.deleted).containsExactlyInAnyOrder("deps:3", "deps:1");
    assertThat(report.outcomes())
        .filteredOn(o -> o.version() == 2)
        .extracting(LayerPruning.Outcome::action)
        .containsExactly(LayerPruning.Action.KEPT_NOW_REFERENCED);
    assertThat(report.bytes()).isEqualTo(3000 + 1000);
    assertThat(LayerPruning.json(report)).contains("\"bytesFreed\": 4000");
  }
}
