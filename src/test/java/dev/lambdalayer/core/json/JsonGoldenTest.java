package dev.lambdalayer.core.json;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.classpath.ClassPathEntry;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReportWriter;
import dev.lambdalayer.core.lock.LayerDescriptorCodec;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.plan.BuildReport;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.prune.LayerPruning;
import dev.lambdalayer.core.publish.DeployedFunction;
import dev.lambdalayer.core.publish.PublishRecords;
import dev.lambdalayer.core.publish.PublishedLayer;
import dev.lambdalayer.core.zip.ReproducibleZipWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the exact bytes of every JSON file the plugin writes: users commit the lockfile, and tools
 * read the reports, so a change of library must not change a single character.
 */
class JsonGoldenTest {

  @TempDir Path temp;

  private static final String SHA = "a".repeat(64);

  /** Strings that need every kind of escape, and some that need none. */
  static final String AWKWARD =
      "q\"b\\n\nr\rt\tbs\bff\fnul\u0000us\u001fdel\u007f é ☃ \uD83D\uDE00 </>";

  static Lockfile lockfile() {
    Lockfile.Library locked =
        new Lockfile.Library(
            Coordinates.of("com.fasterxml.jackson.core", "jackson-databind", "2.21.3"),
            "b".repeat(64),
            123_456_789_012L);
    Lockfile.Library classified =
        new Lockfile.Library(
            new Coordinates("org.example", "native", "1.0", "linux-x86_64", "so"),
            "c".repeat(64),
            0L);
    Lockfile.Library unlocked =
        new Lockfile.Library(
            new Coordinates("com.example", "util", "1.0-SNAPSHOT", "tests", "jar"), null, null);
    return new Lockfile(
        1,
        "com.example:fn " + AWKWARD,
        "2026-01-01T00:00:00Z",
        ReproducibleZipWriter.FORMAT,
        List.of(
            new Lockfile.Layer(
                "jackson",
                List.of("java21", "java17"),
                List.of("x86_64"),
                SHA,
                Hashes.toBase64(SHA),
                List.of(locked, classified),
                List.of(
                    new Lockfile.Published(
                        "us-east-1",
                        "123456789012",
                        "arn:aws:lambda:us-east-1:123456789012:layer:jackson:12",
                        12,
                        Hashes.toBase64(SHA)),
                    new Lockfile.Published(
                        "eu-west-1",
                        "123456789012",
                        "arn:aws:lambda:eu-west-1:123456789012:layer:jackson:3",
                        3,
                        Hashes.toBase64(SHA)))),
            new Lockfile.Layer(
                "empty", List.of(), List.of(), SHA, Hashes.toBase64(SHA), List.of(), List.of())),
        new Lockfile.Function("fn", List.of(unlocked)),
        List.of(
            new Lockfile.SharedLayer(
                "com.acme:platform-layer:1.4.0",
                "platform",
                "d".repeat(64),
                Hashes.toBase64("d".repeat(64)),
                List.of(locked))));
  }

  static LayerDescriptor descriptor() {
    Lockfile l = lockfile();
    return new LayerDescriptor(
        1,
        "com.acme:platform-layer:1.4.0",
        // The layer the lockfile's published ARNs name: a descriptor's ARNs name its own layer.
        "jackson",
        List.of("java21"),
        List.of("arm64", "x86_64"),
        SHA,
        Hashes.toBase64(SHA),
        262_144_000L,
        l.layers().get(0).libraries(),
        l.layers().get(0).published());
  }

  static AuditReport audit() {
    AuditReport.Subject layer =
        new AuditReport.Subject(
            AuditReport.Kind.LAYER,
            "jackson",
            List.of(AuditReport.Check.RULES, AuditReport.Check.INTEGRITY));
    AuditReport.Subject function =
        new AuditReport.Subject(AuditReport.Kind.FUNCTION, "fn", List.of());
    return new AuditReport(
        "lambda-layers.lock.json",
        List.of(layer, function),
        List.of(
            new AuditReport.Finding(
                AuditReport.Check.INTEGRITY,
                AuditReport.Kind.LAYER,
                "jackson",
                AuditReport.Severity.ERROR,
                "jar " + AWKWARD),
            new AuditReport.Finding(
                AuditReport.Check.INTEGRITY,
                AuditReport.Kind.LAYER,
                "jackson",
                AuditReport.Severity.DRIFT,
                "second")));
  }

  static LayerPruning.Report prune(boolean apply) {
    return new LayerPruning.Report(
        apply,
        2,
        List.of(
            new LayerPruning.Outcome(
                "deps",
                "eu-west-1",
                4,
                "arn:aws:lambda:eu-west-1:123456789012:layer:deps:4",
                apply ? LayerPruning.Action.DELETED : LayerPruning.Action.WOULD_DELETE,
                "not among the newest 2",
                4000),
            new LayerPruning.Outcome(
                "deps",
                "eu-west-1",
                2,
                "arn:aws:lambda:eu-west-1:123456789012:layer:deps:2",
                LayerPruning.Action.KEPT_NOW_REFERENCED,
                "used by function 'hello' $LATEST",
                0)));
  }

  static ClassPathReport classPath() {
    ClassPathEntry task = new ClassPathEntry("/var/task", "function.zip", null);
    ClassPathEntry jar =
        new ClassPathEntry(
            "/opt/java/lib/x.jar", "deps.zip", Coordinates.of("com.example", "x", "1.0"));
    ClassPathEntry other =
        new ClassPathEntry(
            "/opt/java/lib/x-2.jar", "deps.zip", Coordinates.of("com.example", "x", "2.0"));
    Map<ClassPathEntry, Integer> counts = new LinkedHashMap<>();
    counts.put(task, 3);
    counts.put(jar, 12);
    return new ClassPathReport(
        "com.example.Handler::handle",
        "java17",
        "JDK classes of Java 17",
        false,
        List.of(task, jar, other),
        counts,
        null,
        1,
        15,
        List.of(
            new ClassPathReport.MissingClass(
                "org.gone.X", List.of("com.example.Handler", "org.gone.X"))),
        List.of(),
        List.of(new ClassPathReport.VersionConflict("com.example:x", List.of(jar, other))),
        List.of(new ClassPathReport.TooNewClass("com.example.New", jar, 21)),
        List.of(new ClassPathReport.Shadowing("com.example:x:1.0", List.of(other), List.of("a.B"))),
        List.of("x-2.jar"),
        new ClassPathReport.Resources(
            List.of(
                new ClassPathReport.ServiceFile(
                    "com.example.Spi",
                    List.of(
                        new ClassPathReport.ServiceCopy(task, List.of("com.example.A")),
                        new ClassPathReport.ServiceCopy(jar, List.of("x.B"))))),
            List.of(
                new ClassPathReport.ProviderConflict(
                    "com.example.Spi",
                    List.of(
                        new ClassPathReport.ServiceCopy(task, List.of("com.example.A")),
                        new ClassPathReport.ServiceCopy(jar, List.of("x.B"))),
                    "keep one")),
            List.of(
                new ClassPathReport.MissingProvider(
                    "com.example.Spi",
                    "x.Gone",
                    jar,
                    List.of("com.example.Handler", "com.example.Spi", "x.Gone"))),
            List.of(new ClassPathReport.MergedResource("META-INF/spring.factories", List.of(jar))),
            List.of(new ClassPathReport.ShadowedResource("a.properties", task, List.of(jar))),
            List.of(new ClassPathReport.MalformedClass("x.Bad", other, "truncated"))),
        42);
  }

  static List<PublishedLayer> published() {
    return List.of(
        new PublishedLayer(
            "aws-sdk",
            "eu-west-1",
            "123456789012",
            "arn:aws:lambda:eu-west-1:123456789012:layer:aws-sdk:7",
            7,
            SHA,
            Hashes.toBase64(SHA),
            PublishedLayer.Outcome.PUBLISHED,
            1_000_000),
        new PublishedLayer(
            "deps_x",
            "us-east-1",
            "123456789012",
            "arn:aws:lambda:us-east-1:123456789012:layer:deps_x:1",
            1,
            SHA,
            Hashes.toBase64(SHA),
            PublishedLayer.Outcome.WOULD_PUBLISH,
            0));
  }

  static List<DeployedFunction> functions() {
    return List.of(
        new DeployedFunction(
            "fn",
            "eu-west-1",
            "arn:aws:lambda:eu-west-1:123456789012:function:fn",
            true,
            false,
            List.of("arn:aws:lambda:eu-west-1:123456789012:layer:aws-sdk:7"),
            "code first: the new layers need it",
            null,
            null,
            10));
  }

  /** build.json of a real packaging run; hashes of the test jars are replaced by placeholders. */
  String buildJson() throws IOException {
    Path repo = temp.resolve("repo");
    String s3 = "software.amazon.awssdk:s3:2.30.0";
    ResolvedArtifact s3Jar = jarArtifact(repo, s3);
    ResolvedArtifact core = jarArtifact(repo, "software.amazon.awssdk:sdk-core:2.30.0", s3);
    ResolvedArtifact snap = jarArtifact(repo, "org.example:snap:1.0-SNAPSHOT");
    ResolvedArtifact lambdaCore = jarArtifact(repo, "com.amazonaws:aws-lambda-java-core:1.2.3");
    Path out = temp.resolve("lambda");
    PackagingRequest request =
        PackagingRequest.builder(
                new DependencyGraph(PROJECT, List.of(s3Jar, core, snap, lambdaCore)))
            .runtimeProvided(
                List.of(
                    ArtifactPattern.parse(
                        "com.amazonaws:aws-lambda-java-core", Setting.RUNTIME_PROVIDED)))
            .defaultLayerName("deps")
            .functionName("my-function")
            .runtimes(List.of("java21", "java17"))
            .architectures(List.of("arm64"))
            .classesDirectory(temp.resolve("classes"))
            .outputDirectory(out)
            .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
            .build();
    PackagingResult result = new LambdaPackager(FileDigestCache.load(null)).build(request);
    Path report = out.resolve("build.json");
    BuildReport.write(request, result, report);
    // The jars' bytes (and so their hashes) depend on the time zone the test runs in.
    return Files.readString(report)
        .replaceAll("\"[0-9a-f]{64}\"", "\"<sha256>\"")
        .replaceAll("\"[A-Za-z0-9+/]{43}=\"", "\"<codeSha256>\"")
        .replaceAll("deps-[0-9a-f]{12}\\.zip", "deps-<hash>.zip");
  }

  @Test
  void lockfileText() {
    assertThat(LockfileCodec.write(lockfile())).isEqualTo(LOCKFILE);
    // Reading the text back gives the same model, so the same bytes: escapes survive both ways.
    assertThat(LockfileCodec.write(LockfileCodec.parse(LOCKFILE, Path.of("x"))))
        .isEqualTo(LOCKFILE);
  }

  @Test
  void layerDescriptorText() {
    assertThat(LayerDescriptorCodec.write(descriptor())).isEqualTo(DESCRIPTOR);
    assertThat(LayerDescriptorCodec.write(LayerDescriptorCodec.parse(DESCRIPTOR, "r", "x")))
        .isEqualTo(DESCRIPTOR);
  }

  @Test
  void buildReport() throws IOException {
    assertThat(buildJson()).isEqualTo(BUILD);
  }

  @Test
  void auditReport() {
    assertThat(AuditReportWriter.json(audit())).isEqualTo(AUDIT);
  }

  @Test
  void pruneReport() {
    assertThat(LayerPruning.json(prune(false))).isEqualTo(PRUNE_DRY_RUN);
    assertThat(LayerPruning.json(prune(true))).isEqualTo(PRUNE_APPLIED);
  }

  @Test
  void classPathReport() throws IOException {
    Path file = temp.resolve("classpath.json");
    classPath().write(file);
    assertThat(Files.readString(file)).isEqualTo(CLASSPATH);
  }

  @Test
  void publishRecords() throws IOException {
    Path dir = temp.resolve("publish");
    Files.createDirectories(dir);
    Path tfvars = dir.resolve("layers.auto.tfvars.json");
    PublishRecords.write(dir, tfvars, false, published(), functions());
    assertThat(Files.readString(dir.resolve("publish.json"))).isEqualTo(PUBLISH);
    assertThat(Files.readString(dir.resolve("cloudformation-parameters-eu-west-1.json")))
        .isEqualTo(CLOUDFORMATION_PARAMETERS_EU_WEST_1);
    assertThat(Files.readString(dir.resolve("cloudformation-parameters-us-east-1.json")))
        .isEqualTo(CLOUDFORMATION_PARAMETERS_US_EAST_1);
    assertThat(Files.readString(tfvars)).isEqualTo(LAYERS_AUTO_TFVARS);
  }

  private static final String LOCKFILE =
      """
        {
          "lockfileVersion": 1,
          "project": "com.example:fn q\\"b\\\\n\\nr\\rt\\tbs\\u0008ff\\u000cnul\\u0000us\\u001fdel\u007f é ☃ 😀 </>",
          "outputTimestamp": "2026-01-01T00:00:00Z",
          "zipFormat": "stored-sorted-v2",
          "layers": [
            {
              "name": "jackson",
              "runtimes": [
                "java21",
                "java17"
              ],
              "architectures": [
                "x86_64"
              ],
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=",
              "libraries": [
                {
                  "groupId": "com.fasterxml.jackson.core",
                  "artifactId": "jackson-databind",
                  "version": "2.21.3",
                  "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                  "size": 123456789012
                },
                {
                  "groupId": "org.example",
                  "artifactId": "native",
                  "version": "1.0",
                  "classifier": "linux-x86_64",
                  "extension": "so",
                  "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
                  "size": 0
                }
              ],
              "published": [
                {
                  "region": "eu-west-1",
                  "account": "123456789012",
                  "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:jackson:3",
                  "version": 3,
                  "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo="
                },
                {
                  "region": "us-east-1",
                  "account": "123456789012",
                  "layerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:jackson:12",
                  "version": 12,
                  "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo="
                }
              ]
            },
            {
              "name": "empty",
              "runtimes": [],
              "architectures": [],
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=",
              "libraries": [],
              "published": []
            }
          ],
          "function": {
            "name": "fn",
            "libraries": [
              {
                "groupId": "com.example",
                "artifactId": "util",
                "version": "1.0-SNAPSHOT",
                "classifier": "tests"
              }
            ]
          },
          "sharedLayers": [
            {
              "layer": "com.acme:platform-layer:1.4.0",
              "name": "platform",
              "sha256": "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
              "codeSha256": "3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d0=",
              "libraries": [
                {
                  "groupId": "com.fasterxml.jackson.core",
                  "artifactId": "jackson-databind",
                  "version": "2.21.3",
                  "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                  "size": 123456789012
                }
              ]
            }
          ]
        }
        """;

  private static final String DESCRIPTOR =
      """
        {
          "descriptorVersion": 1,
          "layer": "com.acme:platform-layer:1.4.0",
          "name": "jackson",
          "runtimes": [
            "java21"
          ],
          "architectures": [
            "arm64",
            "x86_64"
          ],
          "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=",
          "unzippedBytes": 262144000,
          "libraries": [
            {
              "groupId": "com.fasterxml.jackson.core",
              "artifactId": "jackson-databind",
              "version": "2.21.3",
              "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
              "size": 123456789012
            },
            {
              "groupId": "org.example",
              "artifactId": "native",
              "version": "1.0",
              "classifier": "linux-x86_64",
              "extension": "so",
              "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
              "size": 0
            }
          ],
          "published": [
            {
              "region": "eu-west-1",
              "account": "123456789012",
              "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:jackson:3",
              "version": 3,
              "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo="
            },
            {
              "region": "us-east-1",
              "account": "123456789012",
              "layerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:jackson:12",
              "version": 12,
              "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo="
            }
          ]
        }
        """;

  private static final String AUDIT =
      """
        {
          "reportVersion": 1,
          "lockfile": "lambda-layers.lock.json",
          "clean": false,
          "checks": 2,
          "failedChecks": 1,
          "subjects": [
            {
              "kind": "layer",
              "name": "jackson",
              "checks": [
                {
                  "check": "rules",
                  "passed": true,
                  "findings": []
                },
                {
                  "check": "integrity",
                  "passed": false,
                  "findings": [
                    {
                      "severity": "error",
                      "message": "jar q\\"b\\\\n\\nr\\rt\\tbs\\u0008ff\\u000cnul\\u0000us\\u001fdel\u007f é ☃ 😀 </>"
                    },
                    {
                      "severity": "drift",
                      "message": "second"
                    }
                  ]
                }
              ]
            },
            {
              "kind": "function",
              "name": "fn",
              "checks": []
            }
          ]
        }
        """;

  private static final String PRUNE_DRY_RUN =
      """
        {
          "reportVersion": 1,
          "apply": false,
          "keep": 2,
          "deleted": 0,
          "wouldDelete": 1,
          "kept": 1,
          "bytesWouldBeFreed": 4000,
          "versions": [
            {
              "layer": "deps",
              "region": "eu-west-1",
              "version": 4,
              "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:deps:4",
              "action": "would-delete",
              "why": "not among the newest 2",
              "codeSize": 4000
            },
            {
              "layer": "deps",
              "region": "eu-west-1",
              "version": 2,
              "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:deps:2",
              "action": "kept-now-referenced",
              "why": "used by function 'hello' $LATEST",
              "codeSize": 0
            }
          ]
        }
        """;

  private static final String PRUNE_APPLIED =
      """
        {
          "reportVersion": 1,
          "apply": true,
          "keep": 2,
          "deleted": 1,
          "wouldDelete": 0,
          "kept": 1,
          "bytesFreed": 4000,
          "versions": [
            {
              "layer": "deps",
              "region": "eu-west-1",
              "version": 4,
              "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:deps:4",
              "action": "deleted",
              "why": "not among the newest 2",
              "codeSize": 4000
            },
            {
              "layer": "deps",
              "region": "eu-west-1",
              "version": 2,
              "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:deps:2",
              "action": "kept-now-referenced",
              "why": "used by function 'hello' $LATEST",
              "codeSize": 0
            }
          ]
        }
        """;

  private static final String CLASSPATH =
      """
        {
          "reportVersion": 1,
          "handler": "com.example.Handler::handle",
          "runtime": "java17",
          "jdkClasses": "JDK classes of Java 17",
          "runningJdk": false,
          "errors": 5,
          "warnings": 1,
          "classPath": [
            {
              "location": "/var/task",
              "zip": "function.zip",
              "library": null,
              "classes": 3
            },
            {
              "location": "/opt/java/lib/x.jar",
              "zip": "deps.zip",
              "library": "com.example:x:1.0",
              "classes": 12
            },
            {
              "location": "/opt/java/lib/x-2.jar",
              "zip": "deps.zip",
              "library": "com.example:x:2.0",
              "classes": 0
            }
          ],
          "handlerProblem": null,
          "roots": 1,
          "reachableClasses": 15,
          "missing": [
            {
              "class": "org.gone.X",
              "chain": [
                "com.example.Handler",
                "org.gone.X"
              ]
            }
          ],
          "allowedMissing": [],
          "versionConflicts": [
            {
              "library": "com.example:x",
              "jars": [
                {
                  "location": "/opt/java/lib/x.jar",
                  "zip": "deps.zip",
                  "library": "com.example:x:1.0"
                },
                {
                  "location": "/opt/java/lib/x-2.jar",
                  "zip": "deps.zip",
                  "library": "com.example:x:2.0"
                }
              ]
            }
          ],
          "tooNewForRuntime": [
            {
              "class": "com.example.New",
              "location": "/opt/java/lib/x.jar",
              "javaVersion": 21
            }
          ],
          "shadowed": [
            {
              "winner": "com.example:x:1.0",
              "warning": false,
              "shadowed": [
                {
                  "location": "/opt/java/lib/x-2.jar",
                  "zip": "deps.zip",
                  "library": "com.example:x:2.0"
                }
              ],
              "classes": [
                "a.B"
              ]
            }
          ],
          "replacedJars": [
            "x-2.jar"
          ],
          "serviceFiles": [
            {
              "service": "com.example.Spi",
              "copies": [
                {
                  "location": "/var/task",
                  "zip": "function.zip",
                  "library": null,
                  "providers": [
                    "com.example.A"
                  ]
                },
                {
                  "location": "/opt/java/lib/x.jar",
                  "zip": "deps.zip",
                  "library": "com.example:x:1.0",
                  "providers": [
                    "x.B"
                  ]
                }
              ]
            }
          ],
          "providerConflicts": [
            {
              "service": "com.example.Spi",
              "copies": [
                {
                  "location": "/var/task",
                  "zip": "function.zip",
                  "library": null,
                  "providers": [
                    "com.example.A"
                  ]
                },
                {
                  "location": "/opt/java/lib/x.jar",
                  "zip": "deps.zip",
                  "library": "com.example:x:1.0",
                  "providers": [
                    "x.B"
                  ]
                }
              ],
              "fix": "keep one"
            }
          ],
          "missingProviders": [
            {
              "service": "com.example.Spi",
              "provider": "x.Gone",
              "serviceFile": "/opt/java/lib/x.jar",
              "chain": [
                "com.example.Handler",
                "com.example.Spi",
                "x.Gone"
              ]
            }
          ],
          "mergedResources": [
            {
              "resource": "META-INF/spring.factories",
              "copies": [
                {
                  "location": "/opt/java/lib/x.jar",
                  "zip": "deps.zip",
                  "library": "com.example:x:1.0"
                }
              ]
            }
          ],
          "shadowedResources": [
            {
              "resource": "a.properties",
              "winner": "/var/task",
              "shadowed": [
                "/opt/java/lib/x.jar"
              ]
            }
          ],
          "malformedClasses": [
            {
              "class": "x.Bad",
              "location": "/opt/java/lib/x-2.jar",
              "problem": "truncated"
            }
          ],
          "millis": 42
        }
        """;

  private static final String BUILD =
      """
        {
          "reportVersion": 1,
          "project": "com.example:my-function:1.0",
          "outputTimestamp": "2026-01-01T00:00:00Z",
          "layerTimestamp": "1980-02-01T00:00:00Z",
          "runtimes": [
            "java21",
            "java17"
          ],
          "architectures": [
            "arm64"
          ],
          "layers": [
            {
              "name": "deps",
              "file": "deps-<hash>.zip",
              "jars": 2,
              "files": 2,
              "zippedBytes": 942,
              "unzippedBytes": 396,
              "sha256": "<sha256>",
              "codeSha256": "<codeSha256>",
              "needsS3": false,
              "libraries": [
                {
                  "groupId": "software.amazon.awssdk",
                  "artifactId": "s3",
                  "version": "2.30.0",
                  "entry": "java/lib/software.amazon.awssdk-s3-2.30.0.jar",
                  "scope": "compile",
                  "size": 196,
                  "sha256": "<sha256>",
                  "via": []
                },
                {
                  "groupId": "software.amazon.awssdk",
                  "artifactId": "sdk-core",
                  "version": "2.30.0",
                  "entry": "java/lib/software.amazon.awssdk-sdk-core-2.30.0.jar",
                  "scope": "compile",
                  "size": 200,
                  "sha256": "<sha256>",
                  "via": [
                    "software.amazon.awssdk:s3:2.30.0"
                  ]
                }
              ]
            }
          ],
          "function": {
            "name": "my-function",
            "file": "my-function-function.zip",
            "jars": 1,
            "files": 1,
            "zippedBytes": 449,
            "unzippedBytes": 193,
            "sha256": "<sha256>",
            "codeSha256": "<codeSha256>",
            "needsS3": false,
            "libraries": [
              {
                "groupId": "org.example",
                "artifactId": "snap",
                "version": "1.0-SNAPSHOT",
                "entry": "lib/org.example-snap-1.0-SNAPSHOT.jar",
                "scope": "compile",
                "size": 193,
                "sha256": "<sha256>",
                "via": []
              }
            ]
          },
          "sharedLayers": [],
          "classPathLayers": [
            {
              "name": "deps",
              "file": "deps-<hash>.zip"
            }
          ],
          "runtimeProvided": [
            {
              "groupId": "com.amazonaws",
              "artifactId": "aws-lambda-java-core",
              "version": "1.2.3",
              "scope": "compile",
              "size": 202,
              "sha256": "<sha256>",
              "via": []
            }
          ],
          "fatZipBytes": 1391,
          "warnings": []
        }
        """;

  private static final String PUBLISH =
      """
        {
          "reportVersion": 1,
          "dryRun": false,
          "layers": [
            {
              "name": "aws-sdk",
              "region": "eu-west-1",
              "account": "123456789012",
              "layerVersionArn": "arn:aws:lambda:eu-west-1:123456789012:layer:aws-sdk:7",
              "version": 7,
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=",
              "outcome": "published",
              "uploadedBytes": 1000000
            },
            {
              "name": "deps_x",
              "region": "us-east-1",
              "account": "123456789012",
              "layerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:deps_x:1",
              "version": 1,
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "codeSha256": "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=",
              "outcome": "would_publish",
              "uploadedBytes": 0
            }
          ],
          "functions": [
            {
              "function": "fn",
              "region": "eu-west-1",
              "functionArn": "arn:aws:lambda:eu-west-1:123456789012:function:fn",
              "codeUpdated": true,
              "layersUpdated": false,
              "layers": [
                "arn:aws:lambda:eu-west-1:123456789012:layer:aws-sdk:7"
              ],
              "order": "code first: the new layers need it",
              "version": null,
              "alias": null
            }
          ]
        }
        """;

  private static final String CLOUDFORMATION_PARAMETERS_EU_WEST_1 =
      """
        [
          {
            "ParameterKey": "LayerAwsSdkArn",
            "ParameterValue": "arn:aws:lambda:eu-west-1:123456789012:layer:aws-sdk:7"
          }
        ]
        """;

  private static final String CLOUDFORMATION_PARAMETERS_US_EAST_1 =
      """
        [
          {
            "ParameterKey": "LayerDepsXArn",
            "ParameterValue": "arn:aws:lambda:us-east-1:123456789012:layer:deps_x:1"
          }
        ]
        """;

  private static final String LAYERS_AUTO_TFVARS =
      """
        {
          "lambda_layer_arns": {
            "aws-sdk": {
              "eu-west-1": "arn:aws:lambda:eu-west-1:123456789012:layer:aws-sdk:7"
            },
            "deps_x": {
              "us-east-1": "arn:aws:lambda:us-east-1:123456789012:layer:deps_x:1"
            }
          }
        }
        """;
}
