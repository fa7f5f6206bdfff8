package dev.lambdalayer.core.classpath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code META-INF/services/<interface>} files on the simulated class path, each copy with its
 * providers, in class-path order: {@code ServiceLoader} reads every copy, in that order.
 */
final class ServiceFiles {

  static final String PREFIX = "META-INF/services/";

  private final Map<String, List<ClassPathReport.ServiceCopy>> byService = new TreeMap<>();

  private ServiceFiles() {}

  static ServiceFiles read(SimulatedClassPath path) throws IOException {
    ServiceFiles files = new ServiceFiles();
    for (Map.Entry<String, List<ClassPathEntry>> resource : path.resources().entrySet()) {
      String name = resource.getKey();
      if (!name.startsWith(PREFIX) || name.indexOf('/', PREFIX.length()) >= 0) {
        continue;
      }
      String service = name.substring(PREFIX.length());
      List<ClassPathReport.ServiceCopy> copies = new ArrayList<>();
      for (ClassPathEntry entry : resource.getValue()) {
        copies.add(
            new ClassPathReport.ServiceCopy(entry, providers(path.readResource(entry, name))));
      }
      files.byService.put(service, copies);
    }
    return files;
  }

  /** The provider names of one service file: one per line, {@code #} starts a comment. */
  static List<String> providers(byte[] bytes) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r")) {
      int hash = line.indexOf('#');
      String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /** Every service file's copies, by service (binary name). */
  Map<String, List<ClassPathReport.ServiceCopy>> all() {
    return byService;
  }

  /** The copies of the file for {@code service} (binary name); empty when there is none. */
  List<ClassPathReport.ServiceCopy> copies(String service) {
    return byService.getOrDefault(service, List.of());
  }

  /** Services whose file is in more than one place: each copy adds providers. */
  List<ClassPathReport.ServiceFile> inSeveralPlaces() {
    List<ClassPathReport.ServiceFile> out = new ArrayList<>();
    byService.forEach(
        (service, copies) -> {
          if (copies.size() > 1) {
            out.add(new ClassPathReport.ServiceFile(service, copies));
          }
        });
    return out;
  }

  /**
   * Single-provider services with providers in more than one jar, or more than one provider.
   *
   * @param fixes service to the text explaining the failure and the fix
   */
  List<ClassPathReport.ProviderConflict> conflicts(Map<String, String> fixes) {
    List<ClassPathReport.ProviderConflict> out = new ArrayList<>();
    fixes.forEach(
        (service, fix) -> {
          List<ClassPathReport.ServiceCopy> copies = copies(service);
          long providers = copies.stream().flatMap(c -> c.providers().stream()).distinct().count();
          if (providers > 1) {
            out.add(new ClassPathReport.ProviderConflict(service, copies, fix));
          }
        });
    return out;
  }
}
