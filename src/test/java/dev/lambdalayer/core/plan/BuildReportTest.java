package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.PROJECT;
import static dev.lambdalayer.core.model.TestFiles.jarArtifact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.DependencyGraph;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildReportTest {

  @TempDir Path temp;

  @Test
  void describesEveryZipWithHashesAndLibraries() throws IOException {
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
    String json = Files.readString(report);
    BuiltZip layer = result.layers().get(0);

    assertThat(json)
        .startsWith("{\n  \"reportVersion\": 1,\n")
        .endsWith("}\n")
        .contains("\"project\": \"com.example:my-function:1.0\"")
        .contains("\"outputTimestamp\": \"2026-01-01T00:00:00Z\"")
        .contains("\"runtimes\": [\n    \"java21\",\n    \"java17\"\n  ]")
        .contains("\"architectures\": [\n    \"arm64\"\n  ]")
        .contains("\"name\": \"deps\"")
        .contains("\"file\": \"" + layer.zip().file().getFileName() + "\"")
        .contains("\"file\": \"my-function-function.zip\"")
        .contains("\"jars\": 2")
        .contains("\"zippedBytes\": " + layer.zip().zippedBytes())
        .contains("\"unzippedBytes\": " + layer.zip().unzippedBytes())
        .contains("\"sha256\": \"" + layer.zip().sha256() + "\"")
        .contains("\"codeSha256\": \"" + layer.zip().codeSha256() + "\"")
        .contains("\"sha256\": \"" + result.function().zip().sha256() + "\"")
        .contains("\"needsS3\": false")
        .contains("\"entry\": \"java/lib/software.amazon.awssdk-sdk-core-2.30.0.jar\"")
        .contains("\"entry\": \"lib/org.example-snap-1.0-SNAPSHOT.jar\"")
        .contains("\"via\": [\n            \"software.amazon.awssdk:s3:2.30.0\"\n          ]")
        .contains("\"sha256\": \"" + core.sha256() + "\"")
        .contains("\"fatZipBytes\": " + result.fatZipBytes())
        .contains("\"warnings\": []");
    // Runtime-provided libraries are listed without a zip entry.
    String provided = json.substring(json.indexOf("\"runtimeProvided\""));
    assertThat(provided)
        .contains("\"artifactId\": \"aws-lambda-java-core\"")
        .doesNotContain("\"entry\"");
    assertThat(json.indexOf("\"layers\"")).isLessThan(json.indexOf("\"function\""));
    // Balanced brackets and quotes: a cheap check that the document is well formed.
    assertThat(json.chars().filter(c -> c == '{').count())
        .isEqualTo(json.chars().filter(c -> c == '}').count());
    assertThat(json.chars().filter(c -> c == '[').count())
        .isEqualTo(json.chars().filter(c -> c == ']').count());

    // Same inputs, same report.
    BuildReport.write(
        request, new LambdaPackager(FileDigestCache.load(null)).build(request), report);
    assertThat(Files.readString(report)).isEqualTo(json);
  }
}
