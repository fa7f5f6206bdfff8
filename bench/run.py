#!/usr/bin/env python3
"""Benchmarks lambda:layer on the shipped example as ratios of paired runs.

Every figure is a ratio against a reference measured in the same run, alternating the two arms
(A B A B ...) so that machine load hits both alike; medians are reported.

  1. packaging: the plugin's zip writing against `zip -0 -r` of the same jars (the floor)
  2. `mvn -o package` with the plugin against the same build without it
  3. `mvn -o lambda:layer` alone against `mvn -o validate`
  4. the goal's own time on an unchanged rebuild against a first build
  5. a >200 MB layer packaged with -Xmx128m, peak RSS against a ~50 MB layer
  6. lambda:audit against a cold lambda:layer
  7. lambda:classpath's own time against lambda:layer's (every jar parsed; 7b: on an unchanged
     rebuild, from the class index kept by jar SHA-256), and its time on a function with >100 jars
  8. lambda:publish against the fake AWS server of src/test: API calls and bytes uploaded on a first
     and an unchanged re-publish, and the goal's time for 4 regions against 1
  9. a reactor of 6 function modules sharing most libraries through one layer: total deployable bytes
     (one layer zip + 6 function zips) against one fat zip per function, and `mvn -o package` with
     -T 2 against -T 1
 10. the same reactor in the reactor mode (<reactorLayer>: the layer is chosen from the modules'
     graphs): total deployable bytes against fat zips, and `mvn -o package` against the rule of 9
 11. issue 10's sample function (a generated project: AWS SDK v2 DynamoDB + S3, Jackson, slf4j, the
     Lambda core API; ~55 runtime jars): (a) clean `mvn -o package` with the plugin against without,
     (b) `mvn -o lambda:layer` against `mvn -o validate`, (c) the goal's time on an unchanged rebuild
     against a first build, (d) where the time of both goes (graph, hashing, jar check, packaging,
     class-path check, and Maven's time outside the goal, split by the log's time stamps)
 12. lambda:invoke on the example: the cold invoke (init + first invocation, as the goal reports
     them) against `java -cp` of its classes + dependency jars calling the handler once (the floor:
     JVM start to exit), and the warm invocation (second event in the same JVM) against the cold one
  and, to choose the compression: the same jars deflated against stored (size and time)

Usage: bench/run.py [--runs N] [--only publish|reactor|issue10|invoke|2,3,4]   (needs the plugin installed: see README)
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MVNW = str(ROOT / "mvnw")
EXAMPLE = ROOT / "examples" / "hello-lambda"


LAST_CPU = [0.0]  # CPU seconds (user + sys) of the last run()'s process and the children it waited for


def run(cmd, cwd, env=None, check=True):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if check and result.returncode != 0:
        sys.exit(f"command failed: {' '.join(map(str, cmd))}\n{result.stdout[-4000:]}")
    return elapsed, result.stdout


SUMMARY = re.compile(r"Lambda zips in .* \((\d+) ms: graph of (\d+) jars in (\d+) ms \(hashed (.+?) in (\d+) ms,"
                     r" checked jars in (\d+) ms, over all threads\), packaged in (\d+) ms\)")


def summary(log):
    """The goal's summary line: total, jars, graph (hashing and checking summed over threads), packaged."""
    match = SUMMARY.search(log)
    if not match:
        sys.exit("the plugin's summary with its own time was not found in the log")
    total, jars, graph, hashed_bytes, hashing, checking, packaged = match.groups()
    return {"total": int(total), "jars": int(jars), "graph": int(graph), "hashedBytes": hashed_bytes,
            "hashing": int(hashing), "checking": int(checking), "packaged": int(packaged)}


def goal_millis(log, part="total"):
    """The goal's own time, as its summary line prints it: total, graph, hashing, checking or packaged.

    The class-path check runs after the summary line and prints its own time (classpath_millis)."""
    return summary(log)[part]


def paired(runs, arm_a, arm_b):
    a, b = [], []
    for _ in range(runs):
        a.append(arm_a())
        b.append(arm_b())
    return statistics.median(a), statistics.median(b)


def report(name, a, b, unit, target, note=None):
    ratio = a / b
    verdict = note or f"target <= {target}x, {'ok' if ratio <= target else 'OVER TARGET'}"
    print(f"{name:<58} {a:9.3f} {unit} / {b:9.3f} {unit} = {ratio:5.2f}x  ({verdict})")
    return {"name": name, "a": a, "b": b, "unit": unit, "ratio": round(ratio, 3), "target": target}


def paired_wall_and_cpu(runs, arm_a, arm_b):
    """paired(), keeping each run's wall time and the CPU time (user + sys) its last run() burnt."""
    raw = {"a": {"wall": [], "cpu": []}, "b": {"wall": [], "cpu": []}}

    def keep(key, arm):
        def timed():
            wall = arm()
            raw[key]["wall"].append(round(wall, 3))
            raw[key]["cpu"].append(round(LAST_CPU[0], 3))
            return wall
        return timed

    paired(runs, keep("a", arm_a), keep("b", arm_b))
    return raw


def report_wall_and_cpu(name, raw, target, note=None):
    """The wall-time ratio, and beside it the CPU-time ratio: on a loaded machine the wall times
    stretch with the load, the CPU a build burns much less."""
    median = lambda arm, measure: statistics.median(raw[arm][measure])
    result = report(name, median("a", "wall"), median("b", "wall"), "s", target, note)
    cpu_a, cpu_b = median("a", "cpu"), median("b", "cpu")
    verdict = note or f"target <= {target}x, {'ok' if cpu_a / cpu_b <= target else 'OVER TARGET'}"
    print(f"{'   the same in CPU time (user + sys of the mvn process)':<58} {cpu_a:9.3f} s / {cpu_b:9.3f} s"
          f" = {cpu_a / cpu_b:5.2f}x  ({verdict})")
    result.update(cpuA=cpu_a, cpuB=cpu_b, cpuRatio=round(cpu_a / cpu_b, 3), runs=raw)
    return result


def copy_example(work):
    project = work / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("target"))
    return project


def without_plugin(pom):
    text = pom.read_text()
    stripped = re.sub(r"\s*<plugin>\s*<groupId>dev\.lambdalayer</groupId>.*?</plugin>", "", text, flags=re.S)
    out = pom.with_name("pom-without-plugin.xml")
    out.write_text(stripped)
    return out


def bench_packaging(project, runs):
    """The plugin's packaging (hashing + zip writing, no resolution) against zip -0 -r."""
    run([MVNW, "-B", "-q", "-o", "package"], project)
    build = json.loads((project / "target/lambda/build.json").read_text())
    staging = project / "target/bench-zip/java/lib"
    staging.mkdir(parents=True)
    repo = Path(os.path.expanduser("~/.m2/repository"))
    for layer in build["layers"]:
        for lib in layer["libraries"]:
            g = lib["groupId"].replace(".", "/")
            jar = repo / g / lib["artifactId"] / lib["version"] / f"{lib['artifactId']}-{lib['version']}.jar"
            os.symlink(jar, staging / Path(lib["entry"]).name)

    def plugin():
        shutil.rmtree(project / "target/lambda")
        _, log = run([MVNW, "-B", "-o", "lambda:layer"], project)
        return goal_millis(log, "packaged") / 1000

    def floor():
        out = project / "target/bench-zip/floor.zip"
        out.unlink(missing_ok=True)
        started = time.perf_counter()
        run(["zip", "-0", "-q", "-r", str(out), "java"], project / "target/bench-zip")
        return time.perf_counter() - started

    def deflated():
        out = project / "target/bench-zip/deflated.zip"
        out.unlink(missing_ok=True)
        started = time.perf_counter()
        run(["zip", "-6", "-q", "-r", str(out), "java"], project / "target/bench-zip")
        return time.perf_counter() - started

    # Why every entry is stored: deflating jars again buys little and costs time.
    stored_s, deflated_s = paired(runs, floor, deflated)
    stored_bytes = (project / "target/bench-zip/floor.zip").stat().st_size
    deflated_bytes = (project / "target/bench-zip/deflated.zip").stat().st_size
    print(f"0. compression of the jars: deflated is {deflated_bytes / stored_bytes:.3f}x the stored size"
          f" ({deflated_bytes:,} vs {stored_bytes:,} bytes) and takes {deflated_s / stored_s:.2f}x the time")

    # The plugin's figure is its own goal time (hashing every jar, writing every zip); the
    # reference is a bare zip of the same jars, started as a process.
    a, b = paired(runs, plugin, floor)
    return report("1. packaging (hash + write, cold) vs zip -0 -r, same jars", a, b, "s", 1.5)


def bench_package(project, runs):
    without = without_plugin(project / "pom.xml")

    def with_plugin():
        return run([MVNW, "-B", "-q", "-o", "clean", "package"], project)[0]

    def without_it():
        return run([MVNW, "-B", "-q", "-o", "-f", str(without), "clean", "package"], project)[0]

    raw = paired_wall_and_cpu(runs, with_plugin, without_it)
    return report_wall_and_cpu("2. clean mvn -o package with plugin vs without", raw, 1.05)


def bench_goal_vs_validate(project, runs):
    run([MVNW, "-B", "-q", "-o", "package"], project)

    def goal():
        shutil.rmtree(project / "target/lambda", ignore_errors=True)
        return run([MVNW, "-B", "-q", "-o", "lambda:layer"], project)[0]

    def validate():
        return run([MVNW, "-B", "-q", "-o", "validate"], project)[0]

    raw = paired_wall_and_cpu(runs, goal, validate)
    return report_wall_and_cpu("3. mvn -o lambda:layer vs mvn -o validate", raw, 1.3)


def bench_incremental(project, runs):
    run([MVNW, "-B", "-q", "-o", "package"], project)

    def unchanged():
        _, log = run([MVNW, "-B", "-o", "lambda:layer"], project)
        return goal_millis(log) / 1000

    def first():
        shutil.rmtree(project / "target/lambda", ignore_errors=True)
        _, log = run([MVNW, "-B", "-o", "lambda:layer"], project)
        result = goal_millis(log) / 1000
        run([MVNW, "-B", "-q", "-o", "lambda:layer"], project)  # leave an up-to-date state behind
        return result

    a, b = paired(runs, unchanged, first)
    return report("4. goal time, unchanged rebuild vs first build", a, b, "s", 0.1)


def bench_audit(project, runs):
    """lambda:audit (no zip writing: the lockfile's hashes decide) against a cold lambda:layer."""
    run([MVNW, "-B", "-q", "-o", "package", "lambda:lock"], project)

    def audit():
        return run([MVNW, "-B", "-q", "-o", "lambda:audit"], project)[0]

    def layer():
        shutil.rmtree(project / "target/lambda", ignore_errors=True)
        return run([MVNW, "-B", "-q", "-o", "lambda:layer"], project)[0]

    a, b = paired(runs, audit, layer)
    return report("6. mvn -o lambda:audit vs mvn -o lambda:layer (cold)", a, b, "s", 0.5)


def write_jar(path, size):
    """A jar-shaped file of incompressible bytes (a stored zip of one random entry)."""
    import zipfile
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as jar:
        jar.writestr("data.bin", os.urandom(size))


def big_layer_project(work, name, jar_count, jar_bytes):
    """A project whose dependencies are generated jars in a file repository it declares."""
    project = work / name
    repo = project / "repo"
    deps = []
    for i in range(jar_count):
        aid = f"blob{i:03d}"
        base = repo / "bench/generated" / aid / "1.0"
        write_jar(base / f"{aid}-1.0.jar", jar_bytes)
        (base / f"{aid}-1.0.pom").write_text(
            f"<project><modelVersion>4.0.0</modelVersion><groupId>bench.generated</groupId>"
            f"<artifactId>{aid}</artifactId><version>1.0</version></project>")
        deps.append(f"<dependency><groupId>bench.generated</groupId><artifactId>{aid}</artifactId><version>1.0</version></dependency>")
    version = re.search(r"<lambda-layer.version>(.*?)</", (EXAMPLE / "pom.xml").read_text()).group(1)
    (project / "pom.xml").write_text(f"""<project><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>{name}</artifactId><version>1.0</version><packaging>pom</packaging>
<repositories><repository><id>bench-generated</id><url>{repo.as_uri()}</url></repository></repositories>
<dependencies>{''.join(deps)}</dependencies>
<build><plugins><plugin><groupId>dev.lambdalayer</groupId><artifactId>lambda-layer-maven-plugin</artifactId>
<version>{version}</version></plugin></plugins></build></project>""")
    # Resolve once online from the file repository, so the measured runs can be offline.
    run([MVNW, "-B", "-q", "dependency:resolve"], project)
    return project


def peak_rss_kb(project, heap):
    env = dict(os.environ, MAVEN_OPTS=f"-Xmx{heap}")
    shutil.rmtree(project / "target", ignore_errors=True)
    _, log = run(["/usr/bin/time", "-f", "PEAK_RSS_KB=%M", MVNW, "-B", "-o", "lambda:layer"], project, env)
    return int(re.search(r"PEAK_RSS_KB=(\d+)", log).group(1)), log


def bench_memory(work):
    small = big_layer_project(work, "layer-50mb", 5, 10 * 1024 * 1024)
    large = big_layer_project(work, "layer-220mb", 22, 10 * 1024 * 1024)
    small_rss, _ = peak_rss_kb(small, "128m")
    large_rss, log = peak_rss_kb(large, "128m")
    if "BUILD SUCCESS" not in log:
        sys.exit("the 220 MB layer did not package with -Xmx128m")
    return report("5. peak RSS, 220 MB layer vs 50 MB layer, both -Xmx128m", large_rss / 1024, small_rss / 1024, "MiB", 1.1)


def classpath_millis(log):
    """The class-path check's own time, as its summary line prints it."""
    match = re.search(r"Class path \(.*\): .* \((\d+) ms\)", log)
    if not match:
        sys.exit("the class-path check's summary with its own time was not found in the log")
    return int(match.group(1))


def many_jars_project(work, jar_count):
    """A function whose dependencies are >100 generated jars of real classes, in one layer."""
    project = work / "many-jars"
    repo = project / "repo"
    deps = []
    import zipfile
    for i in range(jar_count):
        aid = f"lib{i:03d}"
        base = repo / "bench/many" / aid / "1.0"
        base.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(base / f"{aid}-1.0.jar", "w", zipfile.ZIP_DEFLATED) as jar:
            for c in range(200):
                # the smallest valid class file: public class bench/many/libNNN/CNNN extends Object
                name = f"bench/many/{aid}/C{c:03d}".encode()
                pool = [b"\x01" + len(name).to_bytes(2, "big") + name, b"\x07\x00\x01",
                        b"\x01\x00\x10java/lang/Object", b"\x07\x00\x03"]
                body = (b"\xca\xfe\xba\xbe\x00\x00\x00\x3d" + (len(pool) + 1).to_bytes(2, "big") + b"".join(pool)
                        + b"\x00\x21\x00\x02\x00\x04" + b"\x00\x00" * 4)
                jar.writestr(f"bench/many/{aid}/C{c:03d}.class", body)
        (base / f"{aid}-1.0.pom").write_text(
            f"<project><modelVersion>4.0.0</modelVersion><groupId>bench.many</groupId>"
            f"<artifactId>{aid}</artifactId><version>1.0</version></project>")
        deps.append(f"<dependency><groupId>bench.many</groupId><artifactId>{aid}</artifactId><version>1.0</version></dependency>")
    version = re.search(r"<lambda-layer.version>(.*?)</", (EXAMPLE / "pom.xml").read_text()).group(1)
    (project / "pom.xml").write_text(f"""<project><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>many-jars</artifactId><version>1.0</version><packaging>pom</packaging>
<repositories><repository><id>bench-many</id><url>{repo.as_uri()}</url></repository></repositories>
<dependencies>{''.join(deps)}</dependencies>
<build><plugins><plugin><groupId>dev.lambdalayer</groupId><artifactId>lambda-layer-maven-plugin</artifactId>
<version>{version}</version></plugin></plugins></build></project>""")
    run([MVNW, "-B", "-q", "dependency:resolve"], project)
    return project


def bench_classpath(project, work, runs):
    """lambda:classpath's own time against lambda:layer's (both from their summary lines)."""
    run([MVNW, "-B", "-q", "-o", "package"], project)
    handler = "-Dlambda.handler=com.example.Handler::handleRequest"

    index = project / "target/lambda/.state/class-index"

    def check():
        # Every jar parsed: the class index (kept by jar SHA-256) is removed first.
        shutil.rmtree(index, ignore_errors=True)
        _, log = run([MVNW, "-B", "-o", "lambda:classpath", handler], project)
        return classpath_millis(log) / 1000

    def check_unchanged():
        # An unchanged rebuild: lambda:layer's own check left the index of every reached class.
        _, log = run([MVNW, "-B", "-o", "lambda:classpath", handler], project)
        return classpath_millis(log) / 1000

    def layer():
        shutil.rmtree(project / "target/lambda", ignore_errors=True)
        _, log = run([MVNW, "-B", "-o", "lambda:layer"], project)
        return goal_millis(log) / 1000

    a, b = paired(runs, check, layer)
    result = report("7. lambda:classpath vs lambda:layer (goal times, example)", a, b, "s", 0.3)
    a, b = paired(runs, check_unchanged, layer)
    result["unchanged"] = report("7b. lambda:classpath, unchanged jars (class index) vs lambda:layer",
                                 a, b, "s", 0.3)
    many = many_jars_project(work, 120)
    _, log = run([MVNW, "-B", "-o", "lambda:layer", "lambda:classpath"], many)
    millis = classpath_millis(log)
    print(f"   lambda:classpath on a function with 120 jars (24,000 classes): {millis} ms")
    result["manyJarsMillis"] = millis
    return result


class FakeAws:
    """The fake Lambda/S3 server of src/test/java, as a process (FakeAwsServerMain)."""

    classpath = None

    def __init__(self, latency_ms=0):
        if FakeAws.classpath is None:
            out = ROOT / "target" / "bench-test-classpath.txt"
            run([MVNW, "-B", "-q", "-o", "test-compile", "dependency:build-classpath",
                 "-Dmdep.includeScope=test", f"-Dmdep.outputFile={out}"], ROOT)
            FakeAws.classpath = os.pathsep.join(
                [str(ROOT / "target/test-classes"), str(ROOT / "target/classes"), out.read_text().strip()])
        self.process = subprocess.Popen(
            ["java", "-cp", FakeAws.classpath, "dev.lambdalayer.aws.FakeAwsServerMain", str(latency_ms)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.endpoint = self.process.stdout.readline().split()[1]

    def command(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline()

    def stats(self):
        return json.loads(self.command("stats"))

    def cpu_seconds(self):
        """The server's own CPU time so far: on a small machine it competes with the publisher."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def publish_millis(log):
    match = re.search(r"Published (\d+) layer\(s\) to .* bytes uploaded \((\d+) ms\)", log)
    if not match:
        sys.exit("lambda:publish's summary with its own time was not found in the log\n" + log[-3000:])
    return int(match.group(1)), int(match.group(2))


def bench_publish(project, runs):
    """lambda:publish of the example against the fake server: calls, bytes, 4 regions vs 1."""
    run([MVNW, "-B", "-q", "-o", "package"], project)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIAFAKEFAKEFAKEFAKE", AWS_SECRET_ACCESS_KEY="benchSecret")
    env.pop("AWS_PROFILE", None)
    lockfile = project / "lambda-layers.lock.json"

    def publish(server, regions):
        # Not -o: the goal refuses to publish offline.
        _, log = run([MVNW, "-B", "lambda:publish", f"-Dlambda.endpoint={server.endpoint}",
                      "-Dlambda.regions=" + ",".join(regions)], project, env)
        return publish_millis(log)

    server = FakeAws()
    try:
        lockfile.unlink(missing_ok=True)
        layers, _ = publish(server, ["eu-west-1"])
        first = server.stats()
        server.command("reset")
        publish(server, ["eu-west-1"])
        again = server.stats()
    finally:
        server.close()
    per_layer = again["calls"] / layers
    print(f"8. publish of the example ({layers} layers, 1 region): first {first['calls']} calls,"
          f" {first['bytesUploaded']:,} bytes; unchanged re-publish {again['calls']} calls"
          f" ({per_layer:.1f} per layer per region, target <= 2, {'ok' if per_layer <= 2 else 'OVER TARGET'}),"
          f" {again['bytesUploaded']:,} bytes (target 0, {'ok' if again['bytesUploaded'] == 0 else 'OVER TARGET'})")
    print(f"   first: {first['byOperation']}; re-publish: {again['byOperation']}")

    # Each arm publishes afresh (new server, no lockfile), with 50 ms added to every answer as a
    # network round trip would be; the figure is the goal's own time from its summary line.
    latency = 50
    four = ["eu-west-1", "us-east-1", "ap-southeast-2", "sa-east-1"]

    server_cpu = {4: [], 1: []}

    def fresh(regions):
        def arm():
            server = FakeAws(latency)
            try:
                lockfile.unlink(missing_ok=True)
                before = server.cpu_seconds()
                millis = publish(server, regions)[1]
                server_cpu[len(regions)].append(server.cpu_seconds() - before)
                return millis / 1000
            finally:
                server.close()
        return arm

    a, b = paired(runs, fresh(four), fresh(["eu-west-1"]))
    result = report(f"8. first publish, 4 regions vs 1 (goal time, {latency} ms per call)", a, b, "s", 1.5)
    print(f"   the fake server's own CPU time meanwhile (same machine, {os.cpu_count()} cores):"
          f" {statistics.median(server_cpu[4]):.2f} s for 4 regions, {statistics.median(server_cpu[1]):.2f} s for 1")
    result.update({"firstCalls": first["calls"], "firstBytes": first["bytesUploaded"],
                   "republishCalls": again["calls"], "republishBytes": again["bytesUploaded"],
                   "republishCallsPerLayerPerRegion": per_layer})
    return result


REACTOR_SHARED = [("com.fasterxml.jackson.core", "jackson-databind", "2.21.3"),
                  ("org.apache.commons", "commons-lang3", "3.20.0")]
# One small library of its own per module (20-215 KB; the layer holds ~3 MB). The ratio depends on
# that proportion: with commons-math3, commons-codec, commons-io, joda-time, commons-collections4 and
# commons-cli instead (~4 MB together) it was 0.32x.
REACTOR_OWN = [("org.slf4j", "slf4j-api", "2.0.17"),
               ("commons-cli", "commons-cli", "1.9.0"),
               ("commons-logging", "commons-logging", "1.2"),
               ("com.google.code.findbugs", "jsr305", "3.0.2"),
               ("com.google.errorprone", "error_prone_annotations", "2.36.0"),
               ("commons-io", "commons-io", "2.6")]


def dependency(g, a, v):
    return f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"


def reactor_project(work, reactor_mode=False):
    """A parent pom and 6 function modules: the shared libraries in one layer, one own library each.

    By default the parent declares the shared libraries and a <layer> rule takes them; in the reactor
    mode every module declares all its libraries itself and <reactorLayer> finds what they share.
    """
    project = work / ("reactor-mode" if reactor_mode else "reactor")
    version = re.search(r"<lambda-layer.version>(.*?)</", (EXAMPLE / "pom.xml").read_text()).group(1)
    modules = [f"fn{i}" for i in range(len(REACTOR_OWN))]
    # The shared libraries and what they bring (jackson-core, jackson-annotations): not the own ones.
    includes = "<include>com.fasterxml.jackson.core:*</include><include>org.apache.commons:commons-lang3</include>"
    layers = ("<reactorLayer>platform</reactorLayer>" if reactor_mode else
              f"<layers><layer><name>platform</name><includes>{includes}</includes></layer></layers>")
    project.mkdir(parents=True)
    (project / "pom.xml").write_text(f"""<project><modelVersion>4.0.0</modelVersion>
<groupId>bench.reactor</groupId><artifactId>functions</artifactId><version>1.0</version><packaging>pom</packaging>
<modules>{''.join(f'<module>{m}</module>' for m in modules)}</modules>
<properties><maven.compiler.release>17</maven.compiler.release>
<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
<project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
<dependencies>{'' if reactor_mode else ''.join(dependency(*d) for d in REACTOR_SHARED)}</dependencies>
<build><pluginManagement><plugins><plugin><groupId>dev.lambdalayer</groupId><artifactId>lambda-layer-maven-plugin</artifactId>
<version>{version}</version><executions><execution><goals><goal>layer</goal></goals></execution></executions>
<configuration>{layers}
<function>${{project.artifactId}}</function><handler>com.example.Handler::handle</handler></configuration>
</plugin></plugins></pluginManagement></build></project>""")
    for module, own in zip(modules, REACTOR_OWN):
        src = project / module / "src/main/java/com/example"
        src.mkdir(parents=True)
        (src / "Handler.java").write_text(
            "package com.example;\npublic class Handler {\n"
            f"  public String handle(String in) {{ return \"{module}:\" + in; }}\n}}\n")
        (project / module / "pom.xml").write_text(f"""<project><modelVersion>4.0.0</modelVersion>
<parent><groupId>bench.reactor</groupId><artifactId>functions</artifactId><version>1.0</version></parent>
<artifactId>{module}</artifactId><dependencies>{''.join(dependency(*d) for d in (REACTOR_SHARED if reactor_mode else []) + [own])}</dependencies>
<build><plugins><plugin><groupId>dev.lambdalayer</groupId><artifactId>lambda-layer-maven-plugin</artifactId></plugin></plugins></build>
</project>""")
    return project, modules


def bench_reactor(work, runs):
    """Deployable bytes of a 6-module reactor with one shared layer, and -T 2 against -T 1."""
    project, modules = reactor_project(work)
    _, log = run([MVNW, "-B", "-o", "package"], project)
    reports = [json.loads((project / m / "target/lambda/build.json").read_text()) for m in modules]
    layer_files = {(project / m / "target/lambda" / r["layers"][0]["file"]).resolve() for m, r in zip(modules, reports)}
    layer_hashes = {r["layers"][0]["sha256"] for r in reports}
    if len(layer_hashes) != 1:
        sys.exit(f"the reactor's modules made {len(layer_hashes)} different layers, expected one")
    layer_bytes = reports[0]["layers"][0]["zippedBytes"]
    function_bytes = sum(r["function"]["zippedBytes"] for r in reports)
    fat_bytes = sum(r["fatZipBytes"] for r in reports)
    inodes = {os.stat(f).st_ino for f in layer_files}
    written = len(re.findall(r"layer +platform .*\(written\)", log))
    shared = len(re.findall(r"layer +platform .*\(shared\)", log))
    print(f"9. reactor of {len(modules)} functions: one layer of {layer_bytes:,} bytes + {function_bytes:,} bytes of"
          f" function zips; layer written {written}x, shared {shared}x, {len(inodes)} file(s) on disk")
    result = report(f"9. reactor: deployable bytes, one shared layer vs fat zips", (layer_bytes + function_bytes) / 1e6,
                    fat_bytes / 1e6, "MB", 0.2)

    def build(threads):
        def arm():
            shutil.rmtree(project / "target", ignore_errors=True)
            for m in modules:
                shutil.rmtree(project / m / "target/lambda", ignore_errors=True)
            return run([MVNW, "-B", "-o", "-q", "-T", str(threads), "package"], project)[0]
        return arm

    t2, t1 = paired(runs, build(2), build(1))
    ratio = t2 / t1
    print(f"9. reactor: mvn -o package -T 2 vs -T 1 (layers rewritten){'':<11} {t2:9.3f} s / {t1:9.3f} s = {ratio:5.2f}x"
          f"  (no target; {os.cpu_count()} cores)")
    result.update({"layerBytes": layer_bytes, "functionBytes": function_bytes, "fatBytes": fat_bytes,
                   "layerWritten": written, "layerShared": shared, "layerFilesOnDisk": len(inodes),
                   "t2Seconds": round(t2, 3), "t1Seconds": round(t1, 3), "t2VsT1": round(ratio, 3)})
    return result


def bench_reactor_mode(work, runs):
    """The reactor mode: bytes against fat zips, and its cost against the same reactor with a rule."""
    work = work / "mode"  # beside bench_reactor's project
    project, modules = reactor_project(work, reactor_mode=True)
    ruled, _ = reactor_project(work)
    _, log = run([MVNW, "-B", "-o", "package"], project)
    reports = [json.loads((project / m / "target/lambda/build.json").read_text()) for m in modules]
    reactor_layers = {r["layers"][0]["sha256"] for r in reports}
    if len(reactor_layers) != 1 or any(r["layers"][0]["name"] != "platform" for r in reports):
        sys.exit(f"the reactor mode made {len(reactor_layers)} different reactor layers, expected one")
    layer_bytes = reports[0]["layers"][0]["zippedBytes"]
    own_bytes = sum(l["zippedBytes"] for r in reports for l in r["layers"][1:])
    function_bytes = sum(r["function"]["zippedBytes"] for r in reports)
    fat_bytes = sum(r["fatZipBytes"] for r in reports)
    print(f"10. reactor mode, {len(modules)} functions: reactor layer {layer_bytes:,} bytes + own layers"
          f" {own_bytes:,} + function zips {function_bytes:,}")
    result = report("10. reactor mode: deployable bytes vs fat zips", (layer_bytes + own_bytes + function_bytes) / 1e6,
                    fat_bytes / 1e6, "MB", 0.2)

    def build(where):
        def arm():
            shutil.rmtree(where / "target", ignore_errors=True)
            for m in modules:
                shutil.rmtree(where / m / "target/lambda", ignore_errors=True)
            return run([MVNW, "-B", "-o", "-q", "package"], where)[0]
        return arm

    run([MVNW, "-B", "-o", "-q", "package"], ruled)  # warm up the other arm too
    tm, tr = paired(runs, build(project), build(ruled))
    print(f"10. reactor mode: mvn -o package, layer chosen from all {len(modules)} graphs vs a <layer> rule"
          f" {tm:9.3f} s / {tr:9.3f} s = {tm / tr:5.2f}x")
    result.update({"layerBytes": layer_bytes, "ownLayerBytes": own_bytes, "functionBytes": function_bytes,
                   "fatBytes": fat_bytes, "modeSeconds": round(tm, 3), "ruleSeconds": round(tr, 3),
                   "modeVsRule": round(tm / tr, 3)})
    return result


ISSUE10_DEPENDENCIES = [("com.amazonaws", "aws-lambda-java-core", "1.2.3"),
                        ("software.amazon.awssdk", "dynamodb", None),
                        ("software.amazon.awssdk", "s3", None),
                        ("com.fasterxml.jackson.core", "jackson-databind", "2.21.3"),
                        ("org.slf4j", "slf4j-api", "2.0.17"),
                        ("org.slf4j", "slf4j-simple", "2.0.17")]


def issue10_project(work):
    """Issue 10's sample function: DynamoDB + S3 (SDK v2), Jackson, slf4j and the Lambda core API."""
    project = work / "issue10"
    version = re.search(r"<lambda-layer.version>(.*?)</", (EXAMPLE / "pom.xml").read_text()).group(1)
    deps = "".join(f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
                   + (f"<version>{v}</version>" if v else "") + "</dependency>"
                   for g, a, v in ISSUE10_DEPENDENCIES)
    src = project / "src/main/java/com/example"
    src.mkdir(parents=True)
    (src / "Handler.java").write_text("""package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

public class Handler implements RequestHandler<Map<String, String>, String> {
  private static final Logger LOG = LoggerFactory.getLogger(Handler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    AttributeValue key = AttributeValue.fromS(input.getOrDefault("key", "k"));
    GetObjectRequest get = GetObjectRequest.builder().bucket("b").key(key.s()).build();
    LOG.info("{}", get);
    try {
      return JSON.writeValueAsString(Map.of("key", get.key()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
""")
    (project / "pom.xml").write_text(f"""<project><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>issue10</artifactId><version>1.0</version>
<properties><maven.compiler.release>17</maven.compiler.release>
<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
<project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
<dependencyManagement><dependencies><dependency><groupId>software.amazon.awssdk</groupId><artifactId>bom</artifactId>
<version>2.57.8</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
<dependencies>{deps}</dependencies>
<build><plugins><plugin><groupId>dev.lambdalayer</groupId><artifactId>lambda-layer-maven-plugin</artifactId>
<version>{version}</version><executions><execution><goals><goal>layer</goal></goals></execution></executions>
<configuration><handler>com.example.Handler::handleRequest</handler>
<runtimes><runtime>java21</runtime><runtime>java17</runtime></runtimes>
<layers><layer><name>aws-sdk</name><includes><include>software.amazon.awssdk:*</include></includes></layer>
<layer><name>jackson</name><includes><include>com.fasterxml.jackson.*:*</include></includes></layer></layers>
</configuration></plugin></plugins></build></project>""")
    return project


# Maven's log lines with a time of day, so that the time outside the goal can be split: dependency
# resolution happens after the project's header and before the goal's "--- lambda:...:layer" line,
# loading the plugin and configuring the goal after that line and before the goal's own clock starts.
MAVEN_TIMESTAMPS = ("-Dorg.slf4j.simpleLogger.showDateTime=true"
                    " -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS")
STAMPED = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) \[\w+\] ?(.*)$")


def stamped_lines(log):
    """(milliseconds of the day, text) of each time-stamped log line."""
    lines = []
    for line in log.splitlines():
        match = STAMPED.match(line)
        if match:
            h, m, sec, ms, text = match.groups()
            lines.append(((int(h) * 3600 + int(m) * 60 + int(sec)) * 1000 + int(ms), text))
    return lines


def phases(wall_seconds, log):
    """Where one `mvn lambda:layer` (or package) run's time went, in ms, from its log."""
    goal = summary(log)
    p = {k: goal[k] for k in ("graph", "hashing", "checking", "packaged")}
    p["classpath"] = classpath_millis(log)
    p["goal"] = goal["total"] + p["classpath"]
    p["wall"] = round(wall_seconds * 1000)
    p["outside"] = p["wall"] - p["goal"]
    lines = stamped_lines(log)
    header = next((i for i, (_, text) in enumerate(lines) if re.match(r"--- lambda:.*:layer ", text)), None)
    zips = next((t for t, text in lines if text.startswith("Lambda zips in ")), None)
    if header is None or zips is None:
        return p
    before = next((t for t, text in reversed(lines[:header]) if text.strip()), lines[header][0])
    day = 24 * 3600 * 1000
    p["resolve"] = (lines[header][0] - before) % day
    p["setup"] = (zips - goal["total"] - lines[header][0]) % day
    p["mavenRest"] = p["outside"] - p["resolve"] - p["setup"]
    return p


def installed_plugin_note():
    """Other worktrees may install the same SNAPSHOT version: say whether ~/.m2 holds this one's jar."""
    import hashlib
    version = re.search(r"<lambda-layer.version>(.*?)</", (EXAMPLE / "pom.xml").read_text()).group(1)
    name = f"lambda-layer-maven-plugin-{version}.jar"
    installed = Path(os.path.expanduser("~/.m2/repository/dev/lambdalayer/lambda-layer-maven-plugin")) / version / name
    built = ROOT / "target" / name
    if not installed.is_file() or not built.is_file():
        return "plugin jar: cannot compare ~/.m2 with target/ (one is missing)"
    same = hashlib.sha256(installed.read_bytes()).digest() == hashlib.sha256(built.read_bytes()).digest()
    return ("plugin jar in ~/.m2 is this worktree's target/ jar" if same else
            "WARNING: the plugin jar in ~/.m2 is not this worktree's target/ jar (installed from elsewhere?)")


def bench_issue10(work, runs):
    """Issue 10's speed targets on its ~55-jar sample function (lines 11a-11d)."""
    print(installed_plugin_note())
    project = issue10_project(work)
    run([MVNW, "-B", "-q", "clean", "package"], project)  # online once: downloads what is missing
    build = json.loads((project / "target/lambda/build.json").read_text())
    jars = sum(len(layer["libraries"]) for layer in build["layers"]) + build["function"]["jars"]
    layers = ", ".join(f"{layer['name']} {len(layer['libraries'])}" for layer in build["layers"])
    print(f"11. issue 10's sample function: {jars} runtime jars (layers: {layers}; function: {build['function']['jars']})")
    results = []

    # (a) clean package with and without the plugin.
    without = without_plugin(project / "pom.xml")

    def with_plugin():
        return run([MVNW, "-B", "-q", "-o", "clean", "package"], project)[0]

    def without_it():
        return run([MVNW, "-B", "-q", "-o", "-f", str(without), "clean", "package"], project)[0]

    raw = paired_wall_and_cpu(runs, with_plugin, without_it)
    results.append(report_wall_and_cpu("11a. issue 10: clean mvn -o package, plugin vs without", raw, 1.10))

    # (b) the goal alone (cold: no digest cache, no zips) against validate.
    run([MVNW, "-B", "-q", "-o", "package"], project)

    def goal():
        shutil.rmtree(project / "target/lambda", ignore_errors=True)
        return run([MVNW, "-B", "-q", "-o", "lambda:layer"], project)[0]

    def validate():
        return run([MVNW, "-B", "-q", "-o", "validate"], project)[0]

    raw = paired_wall_and_cpu(runs, goal, validate)
    results.append(report_wall_and_cpu("11b. issue 10: mvn -o lambda:layer vs mvn -o validate", raw, None,
                                       "no target; 1.83x before the change"))
    validate_seconds = results[-1]["b"]

    # (c) and (d): an unchanged rebuild against a first build, from the same runs.
    env = dict(os.environ, MAVEN_OPTS=(os.environ.get("MAVEN_OPTS", "") + " " + MAVEN_TIMESTAMPS).strip())
    measured = {"first": [], "unchanged": []}
    run([MVNW, "-B", "-q", "-o", "package"], project)

    def unchanged():
        wall, log = run([MVNW, "-B", "-o", "lambda:layer"], project, env)
        measured["unchanged"].append(dict(phases(wall, log), cpu=round(LAST_CPU[0] * 1000)))
        return measured["unchanged"][-1]

    def first():
        shutil.rmtree(project / "target/lambda", ignore_errors=True)
        wall, log = run([MVNW, "-B", "-o", "lambda:layer"], project, env)
        measured["first"].append(dict(phases(wall, log), cpu=round(LAST_CPU[0] * 1000)))
        run([MVNW, "-B", "-q", "-o", "lambda:layer"], project)  # leave an up-to-date state behind
        return measured["first"][-1]

    paired(runs, lambda: unchanged()["goal"], lambda: first()["goal"])

    def median(arm, key):
        values = [p[key] for p in measured[arm] if key in p]
        return statistics.median(values) if values else None

    zips = lambda arm: median(arm, "graph") + median(arm, "packaged")
    line = report("11c. issue 10: goal time (zips + class-path check), unchanged vs first",
                  median("unchanged", "goal") / 1000, median("first", "goal") / 1000, "s", 0.15)
    results.append(line)
    line = report("11c. issue 10: zips part only (summary total, as line 4; 0.69x before)",
                  zips("unchanged") / 1000, zips("first") / 1000, "s", 0.15)
    results.append(line)

    rows = [("graph: Maven's artifacts -> libraries (wall)", "graph"),
            ("  of which hashing jars (summed over threads)", "hashing"),
            ("  of which checking jars (summed over threads)", "checking"),
            ("packaging: plan + write zips (unchanged: compare)", "packaged"),
            ("class-path check", "classpath"),
            ("= goal time", "goal"),
            ("Maven outside the goal (wall - goal)", "outside"),
            ("  plan + dependency resolution (log stamps)", "resolve"),
            ("  plugin loading + goal set-up (log stamps)", "setup"),
            ("  JVM start, model, shutdown (the rest)", "mavenRest"),
            ("= wall time of mvn -o lambda:layer", "wall"),
            ("CPU time of that mvn (user + sys, all threads)", "cpu")]
    print(f"11d. where the time goes (medians of {runs}, ms)    first build   unchanged rebuild")
    breakdown = {}
    for label, key in rows:
        f, u = median("first", key), median("unchanged", key)
        breakdown[key] = {"first": f, "unchanged": u}
        show = lambda v: f"{v:>8.0f}" if v is not None else "       -"
        print(f"      {label:<50} {show(f)}      {show(u)}")
    print(f"      (mvn -o validate, line 11b: {validate_seconds * 1000:.0f} ms)")
    results.append({"name": "11d. issue 10: breakdown (ms, medians)", "breakdown": breakdown,
                    "runs": measured, "validateMillis": round(validate_seconds * 1000), "jars": jars})
    print(installed_plugin_note())
    return results


INVOKE_TIMES = re.compile(r"Response 1-\S+ \(cold: init (\d+) ms, invoke (\d+) ms\).*?"
                          r"Response 2-\S+ \(warm: invoke (\d+) ms\)", re.S)

FLOOR_RUNNER = """
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

public class Floor {
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    RequestHandler<Map<String, String>, String> handler =
        (RequestHandler<Map<String, String>, String>)
            Class.forName("com.example.Handler").getConstructor().newInstance();
    System.out.println(handler.handleRequest(Map.of("name", "Lambda"), null));
  }
}
"""


def bench_repo():
    """LAMBDA_BENCH_REPO: another local repository holding the plugin (e.g. the ITs' target/local-repo),
    read as a plain folder (no _remote.repositories: whichever remote its files came from)."""
    repo = os.environ.get("LAMBDA_BENCH_REPO")
    return [f"-Dmaven.repo.local={repo}", "-Daether.enhancedLocalRepository.trackingFilename=.bench-none"] if repo else []


def jdk_at_least(release):
    """A JDK home of this release or newer: JAVA_HOME, the one running, or one under /usr/lib/jvm."""
    homes = [os.environ.get("JAVA_HOME")] + sorted(str(p) for p in Path("/usr/lib/jvm").glob("*"))
    for home in filter(None, homes):
        release_file = Path(home) / "release"
        if release_file.is_file():
            match = re.search(r'JAVA_VERSION="(1\.)?(\d+)', release_file.read_text())
            if match and int(match.group(2)) >= release and (Path(home) / "bin" / "java").is_file():
                return Path(home)
    sys.exit(f"lambda:invoke needs a JDK {release} or newer for the example (java21): set JAVA_HOME")


def bench_invoke(project, runs):
    """Line 12: a cold lambda:invoke against the java -cp floor, and warm against cold."""
    jdk = jdk_at_least(21)
    events = project / "bench-events"
    events.mkdir(exist_ok=True)
    (events / "1-cold.json").write_text('{"name": "Lambda"}\n')
    (events / "2-warm.json").write_text('{"name": "again"}\n')
    repo = bench_repo()
    invoke = [MVNW, "-B", "-o", *repo, "lambda:invoke", "-Dlambda.handler=com.example.Handler::handleRequest",
              "-Dlambda.event=bench-events", f"-Dlambda.invoke.jdk={jdk}"]
    _, log = run(invoke, project)  # unpacks target/lambda/invoke, whose jars the floor uses too
    invoke_dir = project / "target" / "lambda" / "invoke"
    task = invoke_dir / "task"
    core = next(Path(os.environ.get("LAMBDA_BENCH_REPO") or Path.home() / ".m2" / "repository")
                .glob("com/amazonaws/aws-lambda-java-core/1.2.3/aws-lambda-java-core-1.2.3.jar"))
    jars = sorted((task / "lib").glob("*.jar")) + sorted((invoke_dir / "opt" / "java" / "lib").glob("*.jar"))
    floor_dir = project / "target" / "bench-floor"
    floor_dir.mkdir(parents=True, exist_ok=True)
    (floor_dir / "Floor.java").write_text(FLOOR_RUNNER)
    class_path = os.pathsep.join(map(str, [floor_dir, core, task, *jars]))
    run([str(jdk / "bin" / "javac"), "-cp", class_path, "-d", str(floor_dir), str(floor_dir / "Floor.java")], project)
    cold, warm = [], []

    def arm_invoke():
        _, out = run(invoke, project)
        match = INVOKE_TIMES.search(out)
        if not match:
            sys.exit("lambda:invoke's durations were not found in its log:\n" + out[-3000:])
        init, first, second = map(int, match.groups())
        cold.append((init + first) / 1000)
        warm.append(second / 1000)
        return cold[-1]

    def arm_floor():
        elapsed, out = run([str(jdk / "bin" / "java"), "-cp", class_path, "Floor"], project)
        assert "Hello, Lambda!" in out, out
        return elapsed

    cold_median, floor_median = paired(runs, arm_invoke, arm_floor)
    results = [report("12 lambda:invoke cold (init + invoke) vs java -cp floor", cold_median, floor_median,
                      "s", 2.0, "reported, no target"),
               report("12 lambda:invoke warm invoke vs its cold invoke", statistics.median(warm), cold_median,
                      "s", 0.1, "reported, no target")]
    for result in results:
        result.update(cold=cold, warm=warm, jdk=str(jdk))
    return results


EXAMPLE_LINES = {"1": bench_packaging, "2": bench_package, "3": bench_goal_vs_validate, "4": bench_incremental,
                 "6": bench_audit, "7": lambda project, runs: bench_classpath(project, project.parent, runs)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="run only this benchmark: publish, reactor, issue10, or line numbers"
                                       " of the example (1,2,3,4,6,7; e.g. --only 2,3,4)")
    args = parser.parse_args()
    if args.only == "publish":
        with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp:
            project = copy_example(Path(tmp))
            run([MVNW, "-B", "-q", "clean", "package"], project)
            print(json.dumps(bench_publish(project, args.runs), indent=2))
        return
    if args.only == "reactor":
        with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp:
            print(json.dumps([bench_reactor(Path(tmp), args.runs),
                              bench_reactor_mode(Path(tmp), args.runs)], indent=2))
        return
    if args.only == "invoke":
        with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp:
            project = copy_example(Path(tmp))
            repo = bench_repo()
            run([MVNW, "-B", "-q", *repo, "clean", "package"], project)  # warm up; downloads what is missing
            print(json.dumps(bench_invoke(project, args.runs), indent=2))
        return
    if args.only == "issue10":
        with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp:
            results = bench_issue10(Path(tmp), args.runs)
        out = ROOT / "target" / "bench-issue10.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n")
        print(f"results: {out}")
        return
    if args.only:
        lines = args.only.split(",")
        unknown = [line for line in lines if line not in EXAMPLE_LINES]
        if unknown:
            sys.exit(f"--only: unknown {unknown}; publish, reactor, issue10 or lines {sorted(EXAMPLE_LINES)}")
        with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp:
            project = copy_example(Path(tmp))
            run([MVNW, "-B", "-q", "clean", "package"], project)  # warm up; downloads what is missing
            results = [EXAMPLE_LINES[line](project, args.runs) for line in lines]
        print(json.dumps(results, indent=2))
        return
    with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp:
        work = Path(tmp)
        project = copy_example(work)
        run([MVNW, "-B", "-q", "clean", "package"], project)  # warm up; downloads what is missing
        results = [
            bench_packaging(project, args.runs),
            bench_package(project, args.runs),
            bench_goal_vs_validate(project, args.runs),
            bench_incremental(project, args.runs),
            bench_memory(work),
            bench_audit(project, args.runs),
            bench_classpath(project, work, args.runs),
            bench_publish(project, args.runs),
            bench_reactor(work, args.runs),
            bench_reactor_mode(work, args.runs),
            *bench_issue10(work, args.runs),
            *bench_invoke(project, args.runs),
        ]
    out = ROOT / "target" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"results: {out}")


if __name__ == "__main__":
    main()
