import groovy.transform.Field
import java.security.MessageDigest
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// Writes the file-based Maven repository repo/ that the modules declare (parity-repo): poms,
// maven-metadata.xml, checksums, and tiny but real jars (one resource entry each, distinct bytes
// per artifact, classifier and version). groupId parity.lib (and parity.lib.moved,
// parity.lib.other) so nothing clashes with Maven Central. Each block below is the part of the
// graph one module (shape) of this reactor walks; the module poms say what each shape exercises.

@Field final String G = 'parity.lib'
@Field final List libs = []

/** A dependency as a pom declares it; no version means a managed one. */
Map dep(Map o, String a, String v) { [g: G, a: a, v: v] + o }
Map dep(Map o, String a) { dep(o, a, null) }
Map dep(String a, String v = null) { dep([:], a, v) }

/** A library in the repository: o.deps, o.managed, o.parent, o.properties, o.packaging, o.classifiers, ... */
void lib(Map o = [:], String a, String v) { libs << ([g: G, a: a, v: v, deps: [], classifiers: ['']] + o) }

// widened-under-test: test dep -> wt-lib 1.0 (nearest), compile dep -> wt-c -> wt-lib 2.0.
lib('wt-test-a', '1.0', deps: [dep('wt-lib', '1.0')])
lib('wt-b', '1.0', deps: [dep('wt-c', '1.0')])
lib('wt-c', '1.0', deps: [dep('wt-lib', '2.0')])
lib('wt-lib', '1.0', deps: [dep('wt-lib-child', '1.0')])
lib('wt-lib', '2.0')
lib('wt-lib-child', '1.0')

// widened-under-provided: the same below a provided dependency.
lib('wp-prov-a', '1.0', deps: [dep('wp-lib', '1.0')])
lib('wp-b', '1.0', deps: [dep('wp-c', '1.0')])
lib('wp-c', '1.0', deps: [dep('wp-lib', '2.0')])
lib('wp-lib', '1.0')
lib('wp-lib', '2.0')

// widened-depth-2: test dep -> w2-a -> w2-lib 1.0; compile dep -> w2-b -> w2-c -> w2-lib 2.0.
lib('w2-test', '1.0', deps: [dep('w2-a', '1.0')])
lib('w2-a', '1.0', deps: [dep('w2-lib', '1.0')])
lib('w2-dep', '1.0', deps: [dep('w2-b', '1.0')])
lib('w2-b', '1.0', deps: [dep('w2-c', '1.0')])
lib('w2-c', '1.0', deps: [dep('w2-lib', '2.0')])
lib('w2-lib', '1.0')
lib('w2-lib', '2.0')

// widened-to-runtime: test dep -> wr-lib 1.0; runtime dep -> wr-b -> wr-lib 2.0.
lib('wr-test', '1.0', deps: [dep('wr-lib', '1.0')])
lib('wr-rt', '1.0', deps: [dep('wr-b', '1.0')])
lib('wr-b', '1.0', deps: [dep('wr-lib', '2.0')])
lib('wr-lib', '1.0')
lib('wr-lib', '2.0')

// direct-test-wins: dt-lib is a direct test dependency and a transitive compile one.
lib('dt-a', '1.0', deps: [dep('dt-lib', '1.0')])
lib('dt-lib', '1.0', deps: [dep('dt-lib-child', '1.0')])
lib('dt-lib-child', '1.0')

// optional: optional at depth 1 (in), optional in a dependency's pom (out, with its child).
lib('op-a', '1.0', deps: [dep('op-a-child', '1.0')])
lib('op-a-child', '1.0')
lib('op-b', '1.0', deps: [dep('op-c', '1.0', optional: true)])
lib('op-c', '1.0', deps: [dep('op-c-child', '1.0')])
lib('op-c-child', '1.0')

// optional-and-required: optional along one path, required along another.
lib('oq-a', '1.0', deps: [dep('oq-lib', '1.0', optional: true)])
lib('oq-b', '1.0', deps: [dep('oq-lib', '1.0')])
lib('oq-lib', '1.0')

// exclusion: excluded in the module (with what is below it), and excluded in a dependency's pom.
lib('ex-a', '1.0', deps: [dep('ex-b', '1.0'), dep('ex-c', '1.0')])
lib('ex-b', '1.0', deps: [dep('ex-b-child', '1.0')])
lib('ex-b-child', '1.0')
lib('ex-c', '1.0', deps: [dep('ex-d', '1.0', exclusions: ['parity.lib:ex-e'])])
lib('ex-d', '1.0', deps: [dep('ex-e', '1.0')])
lib('ex-e', '1.0')

// exclusion-other-path: excluded below eo-a, reached again through eo-b.
lib('eo-a', '1.0', deps: [dep('eo-lib', '1.0')])
lib('eo-b', '1.0', deps: [dep('eo-lib', '1.0')])
lib('eo-lib', '1.0')

// wildcard-exclusion: *:* keeps wx-a alone; parity.lib:* drops wx-e, not parity.lib.other:wx-f.
lib('wx-a', '1.0', deps: [dep('wx-b', '1.0'), dep('wx-c', '1.0')])
lib('wx-b', '1.0', deps: [dep('wx-b-child', '1.0')])
lib('wx-b-child', '1.0')
lib('wx-c', '1.0')
lib('wx-d', '1.0', deps: [dep('wx-e', '1.0'), dep('wx-f', '1.0', g: 'parity.lib.other')])
lib('wx-e', '1.0')
lib('wx-f', '1.0', g: 'parity.lib.other')

// managed-version: the module's dependencyManagement picks mv-lib 2.0 over mv-a's 1.0.
lib('mv-a', '1.0', deps: [dep('mv-lib', '1.0')])
lib('mv-lib', '1.0')
lib('mv-lib', '2.0')
lib('mv-direct', '1.0')
lib('mv-direct', '1.1')

// managed-scope-runtime: ms-lib (compile in ms-a's pom) managed to runtime.
lib('ms-a', '1.0', deps: [dep('ms-lib', '1.0')])
lib('ms-lib', '1.0', deps: [dep('ms-lib-child', '1.0')])
lib('ms-lib-child', '1.0')

// managed-scope-test-provided: mt-lib managed to test, mp-lib to provided: both disappear.
lib('mt-a', '1.0', deps: [dep('mt-lib', '1.0'), dep('mp-lib', '1.0')])
lib('mt-lib', '1.0', deps: [dep('mt-lib-child', '1.0')])
lib('mt-lib-child', '1.0')
lib('mp-lib', '1.0', deps: [dep('mp-lib-child', '1.0')])
lib('mp-lib-child', '1.0')

// bom-import: a BOM imported with <scope>import</scope> sets a direct and a transitive version.
lib('bom-bom', '1.0', packaging: 'pom', managed: [dep('bom-lib', '1.5'), dep('bom-lib2', '1.1')])
lib('bom-lib', '1.0')
lib('bom-lib', '1.5')
lib('bom-a', '1.0', deps: [dep('bom-lib2', '1.0')])
lib('bom-lib2', '1.0')
lib('bom-lib2', '1.1')

// version-range: [1.0,2.0) in the module picks 1.5; [1.0,) in a dependency's pom picks 1.2.
['0.9', '1.0', '1.5', '2.0'].each { lib('vr-a', it) }
lib('vr-b', '1.0', deps: [dep('vr-c', '[1.0,)')])
['0.5', '1.0', '1.2'].each { lib('vr-c', it) }

// relocation: rl-old -> rl-new (direct), rl-old-g -> parity.lib.moved:rl-moved (transitive).
lib('rl-old', '1.0', relocation: [a: 'rl-new'])
lib('rl-new', '1.0', deps: [dep('rl-new-child', '1.0')])
lib('rl-new-child', '1.0')
lib('rl-a', '1.0', deps: [dep('rl-old-g', '1.0')])
lib('rl-old-g', '1.0', relocation: [g: 'parity.lib.moved', a: 'rl-moved'])
lib('rl-moved', '1.0', g: 'parity.lib.moved')

// classifier: one classified jar, and one artifact with two classifiers.
lib('cl-lib', '1.0', classifiers: ['', 'linux'])
lib('cl-two', '1.0', classifiers: ['', 'a', 'b'])

// test-jar: the jar and the test-jar of one artifact, both in compile scope.
lib('tj-lib', '1.0', classifiers: ['', 'tests'], deps: [dep('tj-child', '1.0')])
lib('tj-child', '1.0')

// pom-type: a pom that only groups dependencies.
lib('pt-deps', '1.0', packaging: 'pom', deps: [dep('pt-x', '1.0'), dep('pt-y', '1.0')])
lib('pt-x', '1.0', deps: [dep('pt-x-child', '1.0')])
lib('pt-x-child', '1.0')
lib('pt-y', '1.0')

// nearest-wins: nw-lib 2.0 at depth 3 (declared first) loses to nw-lib 1.0 at depth 2.
lib('nw-b', '1.0', deps: [dep('nw-c', '1.0')])
lib('nw-c', '1.0', deps: [dep('nw-lib', '2.0')])
lib('nw-a', '1.0', deps: [dep('nw-lib', '1.0')])
lib('nw-lib', '1.0')
lib('nw-lib', '2.0')

// first-declaration: fd-lib at depth 2 twice; the first declared (the lower version) wins.
lib('fd-a', '1.0', deps: [dep('fd-lib', '1.0')])
lib('fd-b', '1.0', deps: [dep('fd-lib', '2.0')])
lib('fd-lib', '1.0')
lib('fd-lib', '2.0')

// cycle: cy-a -> cy-b -> cy-a.
lib('cy-a', '1.0', deps: [dep('cy-b', '1.0')])
lib('cy-b', '1.0', deps: [dep('cy-a', '1.0'), dep('cy-c', '1.0')])
lib('cy-c', '1.0')

// runtime-direct: a runtime dependency whose compile (and runtime) dependencies are runtime.
lib('rd-a', '1.0', deps: [dep('rd-b', '1.0')])
lib('rd-b', '1.0', deps: [dep('rd-c', '1.0', scope: 'runtime')])
lib('rd-c', '1.0')

// transitive-scopes: a dependency's provided and test dependencies are not transitive.
lib('to-a', '1.0', deps: [dep('to-prov', '1.0', scope: 'provided'), dep('to-test', '1.0', scope: 'test'),
                          dep('to-ok', '1.0'), dep('to-rt', '1.0', scope: 'runtime')])
['to-prov', 'to-test', 'to-ok', 'to-rt'].each { lib(it, '1.0') }

// system: only sy-ok comes from the repository; sy-lib's jar lies outside it (repo-system/).
lib('sy-ok', '1.0')

// snapshot: a timestamped SNAPSHOT (build 3; build 2 is still there), a plain one, a release.
lib('sn-lib', '1.0-SNAPSHOT', snapshot: [timestamp: '20260101.120000', builds: [2, 3]], deps: [dep('sn-dep', '1.0')])
lib('sn-dep', '1.0')
lib('sn-plain', '1.0-SNAPSHOT')
lib('sn-rel', '1.0')

// lib-parent-pom: a dependency whose parent pom adds a dependency and manages a version.
lib('pp-parent', '1.0', packaging: 'pom', properties: ['pp.version': '2.0'],
    deps: [dep('pp-inherited', '1.0')], managed: [dep('pp-x', '${pp.version}')])
lib('pp-a', '1.0', parent: 'pp-parent:1.0', deps: [dep('pp-x')])
lib('pp-inherited', '1.0')
lib('pp-x', '1.0')
lib('pp-x', '2.0')

// non-jar-type: a zip-type dependency next to a jar.
lib('nj-bundle', '1.0', packaging: 'zip', extension: 'zip')
lib('nj-ok', '1.0')

// jar-extension-types: types ejb and ejb-client (classifier client) are jars too.
lib('je-ejb', '1.0', packaging: 'ejb', classifiers: ['', 'client'])

// reactor-sibling: what the reactor module parity-sibling depends on.
lib('rs-lib', '1.0')

// same-artifactid: one artifactId and version in two groupIds.
lib('same-name', '1.0')
lib('same-name', '1.0', g: 'parity.lib.other')

// snapshot-pinned: a dependency on build 2 of a SNAPSHOT whose latest build is 3.
lib('sn-pin', '1.0-SNAPSHOT', snapshot: [timestamp: '20260101.120000', builds: [2, 3]])

// ---------------------------------------------------------------------------------------------

void put(File f, byte[] bytes) {
  f.parentFile.mkdirs()
  f.bytes = bytes
  new File(f.path + '.sha1').text = MessageDigest.getInstance('SHA-1').digest(bytes).encodeHex().toString()
}

byte[] jar(String content) {
  def bytes = new ByteArrayOutputStream()
  new ZipOutputStream(bytes).withCloseable { zip ->
    def dir = new ZipEntry('parity/')
    dir.time = 1767225600000L
    zip.putNextEntry(dir)
    zip.closeEntry()
    // One resource per artifact file, named after it, so no two jars share an entry.
    def entry = new ZipEntry('parity/' + content.replaceAll(/[^A-Za-z0-9.-]/, '_') + '.txt')
    entry.time = 1767225600000L
    zip.putNextEntry(entry)
    zip.write(content.getBytes('UTF-8'))
    zip.closeEntry()
  }
  bytes.toByteArray()
}

String depXml(Map d, String indent) {
  def s = new StringBuilder()
  s << "${indent}<dependency>\n"
  s << "${indent}  <groupId>${d.g}</groupId>\n"
  s << "${indent}  <artifactId>${d.a}</artifactId>\n"
  if (d.v) s << "${indent}  <version>${d.v}</version>\n"
  if (d.type) s << "${indent}  <type>${d.type}</type>\n"
  if (d.classifier) s << "${indent}  <classifier>${d.classifier}</classifier>\n"
  if (d.scope) s << "${indent}  <scope>${d.scope}</scope>\n"
  if (d.optional) s << "${indent}  <optional>true</optional>\n"
  if (d.exclusions) {
    s << "${indent}  <exclusions>\n"
    d.exclusions.each { x ->
      def (xg, xa) = x.tokenize(':')
      s << "${indent}    <exclusion><groupId>${xg}</groupId><artifactId>${xa}</artifactId></exclusion>\n"
    }
    s << "${indent}  </exclusions>\n"
  }
  s << "${indent}</dependency>\n"
  s.toString()
}

String pomXml(Map l) {
  def s = new StringBuilder()
  s << '<?xml version="1.0" encoding="UTF-8"?>\n'
  s << '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
  s << '  <modelVersion>4.0.0</modelVersion>\n'
  if (l.parent) {
    def (pa, pv) = l.parent.tokenize(':')
    s << "  <parent>\n    <groupId>${G}</groupId>\n    <artifactId>${pa}</artifactId>\n    <version>${pv}</version>\n  </parent>\n"
  }
  s << "  <groupId>${l.g}</groupId>\n  <artifactId>${l.a}</artifactId>\n  <version>${l.v}</version>\n"
  if (l.packaging) s << "  <packaging>${l.packaging}</packaging>\n"
  if (l.properties) {
    s << '  <properties>\n'
    l.properties.each { k, v -> s << "    <${k}>${v}</${k}>\n" }
    s << '  </properties>\n'
  }
  if (l.relocation) {
    s << '  <distributionManagement>\n    <relocation>\n'
    if (l.relocation.g) s << "      <groupId>${l.relocation.g}</groupId>\n"
    if (l.relocation.a) s << "      <artifactId>${l.relocation.a}</artifactId>\n"
    s << '    </relocation>\n  </distributionManagement>\n'
  }
  if (l.managed) {
    s << '  <dependencyManagement>\n    <dependencies>\n'
    l.managed.each { s << depXml(it, '      ') }
    s << '    </dependencies>\n  </dependencyManagement>\n'
  }
  if (l.deps) {
    s << '  <dependencies>\n'
    l.deps.each { s << depXml(it, '    ') }
    s << '  </dependencies>\n'
  }
  s << '</project>\n'
  s.toString()
}

File repo = new File(basedir, 'repo')
repo.deleteDir()
libs.each { l ->
  File dir = new File(repo, "${l.g.replace('.', '/')}/${l.a}/${l.v}")
  boolean hasFile = !l.relocation && l.packaging != 'pom'
  String extension = l.extension ?: 'jar'
  List fileVersions = l.snapshot ? l.snapshot.builds.collect { "${l.v - '-SNAPSHOT'}-${l.snapshot.timestamp}-${it}" } : [l.v]
  fileVersions.each { fv ->
    put(new File(dir, "${l.a}-${fv}.pom"), pomXml(l).getBytes('UTF-8'))
    if (hasFile) {
      l.classifiers.each { c ->
        String suffix = c ? "-${c}" : ''
        put(new File(dir, "${l.a}-${fv}${suffix}.${extension}"), jar("${l.g}:${l.a}:${c}:${fv}"))
      }
    }
  }
  if (l.snapshot) {
    String last = fileVersions.last()
    String updated = l.snapshot.timestamp.replace('.', '')
    def versions = ['pom'] + (hasFile ? l.classifiers.collect { [extension, it] } : [])
    put(new File(dir, 'maven-metadata.xml'), """<?xml version="1.0" encoding="UTF-8"?>
<metadata modelVersion="1.1.0">
  <groupId>${l.g}</groupId>
  <artifactId>${l.a}</artifactId>
  <version>${l.v}</version>
  <versioning>
    <snapshot>
      <timestamp>${l.snapshot.timestamp}</timestamp>
      <buildNumber>${l.snapshot.builds.last()}</buildNumber>
    </snapshot>
    <lastUpdated>${updated}</lastUpdated>
    <snapshotVersions>
${versions.collect { v ->
  def (ext, c) = v instanceof List ? v : [v, '']
  "      <snapshotVersion>\n" + (c ? "        <classifier>${c}</classifier>\n" : '') +
  "        <extension>${ext}</extension>\n        <value>${last}</value>\n        <updated>${updated}</updated>\n      </snapshotVersion>\n"
}.join('')}    </snapshotVersions>
  </versioning>
</metadata>
""".getBytes('UTF-8'))
  }
}
// Artifact-level metadata (the versions a range is resolved from), as a real repository has.
libs.findAll { !it.snapshot }.groupBy { "${it.g}:${it.a}" }.each { ga, ls ->
  def versions = ls*.v
  put(new File(repo, "${ls[0].g.replace('.', '/')}/${ls[0].a}/maven-metadata.xml"), """<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <groupId>${ls[0].g}</groupId>
  <artifactId>${ls[0].a}</artifactId>
  <versioning>
    <latest>${versions.last()}</latest>
    <release>${versions.last()}</release>
    <versions>
${versions.collect { "      <version>${it}</version>\n" }.join('')}    </versions>
    <lastUpdated>20260101000000</lastUpdated>
  </versioning>
</metadata>
""".getBytes('UTF-8'))
}

// The system-scoped jar, outside the repository and outside the module.
File systemJar = new File(basedir, 'repo-system/sy-lib-1.0.jar')
systemJar.parentFile.mkdirs()
systemJar.bytes = jar('parity.lib:sy-lib::1.0 (system)')
return true
