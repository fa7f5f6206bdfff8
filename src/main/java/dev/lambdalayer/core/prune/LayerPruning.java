package dev.lambdalayer.core.prune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.port.LayerVersionReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@code lambda:prune}: per region and layer, lists the versions, plans with {@link
 * PrunePlan}, and (when applying) deletes. Right before each deletion it asks the function and its
 * aliases again, so a version that became referenced meanwhile is kept.
 */
public final class LayerPruning {

  /** What to prune. {@code function} may be null: then only the lockfile and {@code keep} hold. */
  public record Request(
      List<String> regions,
      List<String> layerNames,
      Optional<Lockfile> lockfile,
      String function,
      int keep,
      boolean apply) {

    public Request {
      regions = List.copyOf(regions);
      layerNames = List.copyOf(layerNames);
    }
  }

  /** What happened to one version. */
  public enum Action {
    KEEP,
    WOULD_DELETE,
    DELETED,
    /** Planned for deletion, but referenced when checked again right before deleting. */
    KEPT_NOW_REFERENCED,
    /** Planned for deletion, but already gone when checked again. */
    ALREADY_GONE
  }

  /** One version's outcome; {@code codeSize} is 0 when not asked (kept versions). */
  public record Outcome(
      String layerName,
      String region,
      long version,
      String layerVersionArn,
      Action action,
      String why,
      long codeSize) {}

  /** Every outcome, in region, layer, newest-first order. */
  public record Report(boolean apply, int keep, List<Outcome> outcomes) {

    public Report {
      outcomes = List.copyOf(outcomes);
    }

    /** Bytes freed (or, in a dry run, that would be freed). */
    public long bytes() {
      return outcomes.stream()
          .filter(o -> o.action() == Action.DELETED || o.action() == Action.WOULD_DELETE)
          .mapToLong(Outcome::codeSize)
          .sum();
    }

    public long count(Action action) {
      return outcomes.stream().filter(o -> o.action() == action).count();
    }
  }

  private final LayerVersionReader versions;
  private final FunctionReader functions;
  private final LayerPublisher publisher;
  private final Consumer<String> log;

  /** Prunes through {@code aws}'s readers and its publisher, which deletes. */
  public LayerPruning(AwsSession aws, Consumer<String> log) {
    this(aws.layerVersions(), aws.functions(), aws.layerPublisher(), log);
  }

  public LayerPruning(
      LayerVersionReader versions,
      FunctionReader functions,
      LayerPublisher publisher,
      Consumer<String> log) {
    this.versions = versions;
    this.functions = functions;
    this.publisher = publisher;
    this.log = log;
  }

  public Report prune(Request request) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String region : request.regions()) {
      List<FunctionReader.LayerUse> uses =
          request.function() == null
              ? List.of()
              : functions.functionReferences(region, request.function());
      for (String layer : request.layerNames()) {
        List<LayerVersionInfo> listed = versions.listLayerVersions(region, layer);
        PrunePlan plan =
            PrunePlan.plan(
                layer, region, listed, locked(request, layer, region), uses, request.keep());
        for (PrunePlan.Decision d : plan.decisions()) {
          outcomes.add(decide(request, layer, region, d));
        }
      }
    }
    return new Report(request.apply(), request.keep(), outcomes);
  }

  private Outcome decide(Request request, String layer, String region, PrunePlan.Decision d) {
    if (!d.delete()) {
      String why = d.why(request.keep());
      log.accept(
          String.format(
              Locale.ROOT, "  keep   %s %s version %d: %s", layer, region, d.version(), why));
      return new Outcome(layer, region, d.version(), d.layerVersionArn(), Action.KEEP, why, 0);
    }
    String why = "not among the newest " + request.keep() + ", not locked, not referenced";
    Optional<LayerVersionInfo> current = versions.getLayerVersion(region, layer, d.version());
    if (current.isEmpty()) {
      log.accept(
          String.format(
              Locale.ROOT,
              "  gone   %s %s version %d: already deleted",
              layer,
              region,
              d.version()));
      return new Outcome(
          layer,
          region,
          d.version(),
          d.layerVersionArn(),
          Action.ALREADY_GONE,
          "already deleted",
          0);
    }
    long size = current.get().codeSize();
    if (!request.apply()) {
      log.accept(
          String.format(
              Locale.ROOT,
              "  delete %s %s version %d (%,d bytes): %s [dry run]",
              layer,
              region,
              d.version(),
              size,
              why));
      return new Outcome(
          layer, region, d.version(), d.layerVersionArn(), Action.WOULD_DELETE, why, size);
    }
    if (request.function() != null) {
      // A deploy may have moved $LATEST or an alias onto this version since the plan was made.
      List<String> users =
          functions.functionReferences(region, request.function()).stream()
              .filter(u -> u.layerVersionArn().equals(d.layerVersionArn()))
              .map(FunctionReader.LayerUse::user)
              .distinct()
              .toList();
      if (!users.isEmpty()) {
        String now = "used by " + String.join(", ", users) + " when checked again before deleting";
        log.accept(
            String.format(
                Locale.ROOT, "  keep   %s %s version %d: %s", layer, region, d.version(), now));
        return new Outcome(
            layer, region, d.version(), d.layerVersionArn(), Action.KEPT_NOW_REFERENCED, now, 0);
      }
    }
    publisher.deleteLayerVersion(region, layer, d.version());
    log.accept(
        String.format(
            Locale.ROOT,
            "  delete %s %s version %d (%,d bytes): %s [deleted]",
            layer,
            region,
            d.version(),
            size,
            why));
    return new Outcome(layer, region, d.version(), d.layerVersionArn(), Action.DELETED, why, size);
  }

  private static Set<Long> locked(Request request, String layer, String region) {
    Set<Long> versions = new java.util.HashSet<>();
    request
        .lockfile()
        .flatMap(lock -> lock.layer(layer))
        .ifPresent(
            l ->
                l.published().stream()
                    .filter(p -> p.region().equals(region))
                    .forEach(p -> versions.add(p.version())));
    // What any environment runs (a promoted version, too) is recorded, so it is kept.
    request
        .lockfile()
        .ifPresent(
            lock ->
                lock.environments().stream()
                    .filter(d -> d.region().equals(region))
                    .flatMap(d -> d.layers().stream())
                    .filter(l -> l.name().equals(layer))
                    .map(Lockfile.DeployedLayer::layerVersionArn)
                    .forEach(
                        arn ->
                            versions.add(Long.parseLong(arn.substring(arn.lastIndexOf(':') + 1)))));
    return versions;
  }

  /** {@code prune.json}: the settings, the totals and every version's outcome. */
  public static String json(Report report) {
    ObjectNode root = JsonFormat.object();
    root.put("reportVersion", 1);
    root.put("apply", report.apply());
    root.put("keep", report.keep());
    root.put("deleted", report.count(Action.DELETED));
    root.put("wouldDelete", report.count(Action.WOULD_DELETE));
    root.put("kept", report.count(Action.KEEP) + report.count(Action.KEPT_NOW_REFERENCED));
    root.put(report.apply() ? "bytesFreed" : "bytesWouldBeFreed", report.bytes());
    ArrayNode versions = root.putArray("versions");
    for (Outcome o : report.outcomes()) {
      ObjectNode v = versions.addObject();
      v.put("layer", o.layerName());
      v.put("region", o.region());
      v.put("version", o.version());
      v.put("layerVersionArn", o.layerVersionArn());
      v.put("action", o.action().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      v.put("why", o.why());
      v.put("codeSize", o.codeSize());
    }
    return JsonFormat.write(root);
  }

  public static void write(Report report, Path file) throws IOException {
    AtomicFiles.write(file, json(report).getBytes(StandardCharsets.UTF_8));
  }
}
