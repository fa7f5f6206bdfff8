import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

// For every module (graph shape): the libraries lambda:layer placed (build.json: layers, function,
// shared layers, runtimeProvided) are exactly the jars of Maven's runtime class path (dependency:list
// -DincludeScope=runtime): the same groupId:artifactId:classifier:version, the same file (SHA-256),
// the same scope. Maven's pom-type entries contribute their dependencies, not a file; its other
// non-jar entries are left out with a warning. Then each shape is checked to exercise what it
// claims, on Maven's list, so that no shape passes only because both sides lost the same library.

def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
// Types whose file is a jar (Maven's artifact handlers with extension jar).
def JAR_TYPES = ['jar', 'test-jar', 'ejb', 'ejb-client', 'maven-plugin', 'java-source', 'javadoc'] as Set
String log = new File(basedir, 'build.log').getText('UTF-8')

def modules = new XmlSlurper().parse(new File(basedir, 'pom.xml')).modules.module*.text() - ['parity-sibling']
assert modules.size() >= 22 : "too few shapes: $modules"

/** dependency:list's output file: groupId:artifactId:type[:classifier]:version:scope:/file [(optional)] [-- module ...]. */
def mavenList = { File f ->
  assert f.isFile() : "dependency:list wrote no $f"
  def out = []
  f.readLines().each { raw ->
    String line = raw.trim()
    if (!line || line == 'The following files have been resolved:' || line == 'none') {
      return
    }
    def m = line =~ /^([^:\s]+):([^:\s]+):([^:\s]+):(?:([^:\s]+):)?([^:\s]+):(compile|runtime|provided|test|system):(\/.+?)(?: \(optional\))?(?: -- module .*)?$/
    assert m.matches() : "unexpected line in $f: '$line'"
    out << [groupId: m.group(1), artifactId: m.group(2), type: m.group(3), classifier: m.group(4) ?: '',
            version: m.group(5), scope: m.group(6), file: new File(m.group(7))]
  }
  out
}
def key = { e -> "${e.groupId}:${e.artifactId}:${e.classifier ?: ''}:${e.version}".toString() }
// A SNAPSHOT's resolved version (1.0-20260101.120000-3) and its base version (1.0-SNAPSHOT) name one artifact.
def baseVersion = { String v -> v.replaceFirst(/-\d{8}\.\d{6}-\d+$/, '-SNAPSHOT') }

// What each shape must show on Maven's list: '+a[:classifier]:version[@scope]' listed, '-a[:...]' not
// listed (in any version when no version is given). groupId parity.lib unless 'g/' prefixes it.
def claims = [
  'widened-under-test'         : ['+wt-b:1.0', '+wt-c:1.0', '+wt-lib:1.0@compile', '+wt-lib-child:1.0@compile', '-wt-lib:2.0', '-wt-test-a'],
  'widened-under-provided'     : ['+wp-b:1.0', '+wp-c:1.0', '+wp-lib:1.0@compile', '-wp-lib:2.0', '-wp-prov-a'],
  'widened-depth-2'            : ['+w2-dep:1.0', '+w2-b:1.0', '+w2-c:1.0', '+w2-lib:1.0@compile', '-w2-lib:2.0', '-w2-test', '-w2-a'],
  'widened-to-runtime'         : ['+wr-rt:1.0@runtime', '+wr-b:1.0@runtime', '+wr-lib:1.0@runtime', '-wr-lib:2.0', '-wr-test'],
  'direct-test-wins'           : ['+dt-a:1.0', '-dt-lib', '-dt-lib-child'],
  'optional'                   : ['+op-a:1.0', '+op-a-child:1.0', '+op-b:1.0', '-op-c', '-op-c-child'],
  'optional-and-required'      : ['+oq-a:1.0', '+oq-b:1.0', '+oq-lib:1.0'],
  'exclusion'                  : ['+ex-a:1.0', '+ex-c:1.0', '+ex-d:1.0', '-ex-b', '-ex-b-child', '-ex-e'],
  'exclusion-other-path'       : ['+eo-a:1.0', '+eo-b:1.0', '+eo-lib:1.0'],
  'wildcard-exclusion'         : ['+wx-a:1.0', '-wx-b', '-wx-b-child', '-wx-c', '+wx-d:1.0', '-wx-e', '+parity.lib.other/wx-f:1.0'],
  'managed-version'            : ['+mv-a:1.0', '+mv-lib:2.0', '-mv-lib:1.0', '+mv-direct:1.1'],
  'managed-scope-runtime'      : ['+ms-a:1.0@compile', '+ms-lib:1.0@runtime', '+ms-lib-child:1.0@runtime'],
  'managed-scope-test-provided': ['+mt-a:1.0', '-mt-lib', '-mt-lib-child', '-mp-lib', '-mp-lib-child'],
  'bom-import'                 : ['+bom-lib:1.5', '+bom-a:1.0', '+bom-lib2:1.1', '-bom-lib2:1.0', '-bom-bom'],
  'version-range'              : ['+vr-a:1.5', '+vr-b:1.0', '+vr-c:1.2'],
  'relocation'                 : ['+rl-new:1.0', '+rl-new-child:1.0', '+rl-a:1.0', '+parity.lib.moved/rl-moved:1.0', '-rl-old', '-rl-old-g'],
  'classifier'                 : ['+cl-lib:linux:1.0', '+cl-two:a:1.0', '+cl-two:b:1.0', '-cl-lib::1.0', '-cl-two::1.0'],
  'test-jar'                   : ['+tj-lib:1.0', '+tj-lib:tests:1.0', '+tj-child:1.0'],
  'pom-type'                   : ['+pt-deps:1.0', '+pt-x:1.0', '+pt-x-child:1.0', '+pt-y:1.0'],
  'nearest-wins'               : ['+nw-lib:1.0', '-nw-lib:2.0'],
  'first-declaration'          : ['+fd-lib:1.0', '-fd-lib:2.0'],
  'cycle'                      : ['+cy-a:1.0', '+cy-b:1.0', '+cy-c:1.0'],
  'runtime-direct'             : ['+rd-a:1.0@runtime', '+rd-b:1.0@runtime', '+rd-c:1.0@runtime'],
  'transitive-scopes'          : ['+to-a:1.0', '+to-ok:1.0@compile', '+to-rt:1.0@runtime', '-to-prov', '-to-test'],
  'system'                     : ['+sy-ok:1.0', '-sy-lib'],
  'snapshot'                   : ['+sn-lib:1.0-SNAPSHOT', '+sn-dep:1.0', '+sn-plain:1.0-SNAPSHOT', '+sn-rel:1.0'],
  'lib-parent-pom'             : ['+pp-a:1.0', '+pp-inherited:1.0', '+pp-x:2.0', '-pp-x:1.0', '-pp-parent'],
  'non-jar-type'               : ['+nj-bundle:1.0', '+nj-ok:1.0'],
  'jar-extension-types'        : ['+je-ejb:1.0', '+je-ejb:client:1.0'],
  'same-artifactid'            : ['+same-name:1.0', '+parity.lib.other/same-name:1.0'],
  'snapshot-pinned'            : ['+sn-pin:1.0-SNAPSHOT'],
  'reactor-sibling'            : ['+parity.it/parity-sibling:1.0', '+rs-lib:1.0'],
]
assert claims.keySet() == modules as Set : "claims and modules differ: ${(claims.keySet() - modules) + (modules - claims.keySet())}"

def report = new StringBuilder()
int failed = 0
modules.each { shape ->
  def problems = []
  File dir = new File(basedir, shape)
  def maven = mavenList(new File(dir, 'target/runtime-classpath.txt'))
  File buildJson = new File(dir, 'target/lambda/build.json')
  if (!buildJson.isFile()) {
    report << "[$shape] lambda:layer wrote no build.json\n"
    failed++
    return
  }
  def json = new JsonSlurper().parse(buildJson)

  // Where the plugin placed each library; each zip holds exactly the jars build.json lists for it,
  // with the bytes build.json hashed.
  def placed = []
  def zips = json.layers.collect { [it, "layer ${it.name}"] } + [[json.function, 'function']] +
    json.sharedLayers.collect { [it, "shared layer ${it.name}"] }
  zips.each { z, where ->
    z.libraries.each { placed << [lib: it, where: where] }
    File file = new File(dir, "target/lambda/${z.file}")
    if (!file.isFile()) {
      problems << "no zip $file for the $where"
      return
    }
    new ZipFile(file).withCloseable { zip ->
      def inZip = zip.entries().toList().findAll { !it.directory && it.name ==~ /(java\/)?lib\/[^\/]+/ }
      def listed = z.libraries*.entry
      if (inZip*.name.sort() != listed.sort()) {
        problems << "the $where zip holds ${inZip*.name.sort()}, build.json lists ${listed.sort()}"
      }
      z.libraries.each { lib ->
        def e = zip.getEntry(lib.entry)
        String bytes = e == null ? null : MessageDigest.getInstance('SHA-256').digest(zip.getInputStream(e).bytes).encodeHex().toString()
        if (e != null && bytes != lib.sha256) {
          problems << "the $where zip's ${lib.entry} has sha256 ${bytes}, build.json says ${lib.sha256}"
        }
      }
    }
  }
  json.runtimeProvided.each { placed << [lib: it, where: 'runtimeProvided'] }
  def placedByKey = placed.groupBy { key(it.lib) }

  // What Maven's list says should be placed: its jars (by base version: build.json records it).
  def jars = maven.findAll { it.type in JAR_TYPES }
  def expected = jars.collectEntries { [(key(it + [version: baseVersion(it.version)])): it] }

  def missing = (expected.keySet() - placedByKey.keySet()).sort()
  def extra = (placedByKey.keySet() - expected.keySet()).sort()
  missing.each { k -> problems << "missing: $k (Maven: ${expected[k].scope}, ${expected[k].file})" }
  extra.each { k -> problems << "extra:   $k (placed in ${placedByKey[k]*.where.join(', ')})" }
  placedByKey.findAll { k, v -> v.size() > 1 }.each { k, v -> problems << "placed twice: $k (${v*.where.join(', ')})" }
  expected.each { k, e ->
    def p = placedByKey[k]?.get(0)
    if (p == null) {
      return
    }
    String fileSha = sha256(e.file)
    if (p.lib.sha256 != fileSha) {
      problems << "other file: $k: build.json sha256 ${p.lib.sha256}, Maven's file ${e.file} has ${fileSha}"
    }
    if (p.lib.scope != e.scope) {
      problems << "other scope: $k: build.json '${p.lib.scope}', Maven '${e.scope}'"
    }
  }
  // Maven's non-jar, non-pom entries: left out, and the plugin says so.
  maven.findAll { !(it.type in JAR_TYPES) && it.type != 'pom' }.each { e ->
    String coordinates = "${e.groupId}:${e.artifactId}:${baseVersion(e.version)}${e.classifier ? ':' + e.classifier : ''}"
    if (!log.contains("Dependency ${coordinates} is of type '${e.type}', not a jar")) {
      problems << "no warning for the ${e.type}-type dependency ${key(e)}"
    }
  }

  // The shape exercises what it claims (on Maven's list).
  claims[shape].each { String claim ->
    boolean present = claim.startsWith('+')
    String body = claim.substring(1)
    String scope = body.contains('@') ? body.substring(body.indexOf('@') + 1) : null
    body = body.contains('@') ? body.substring(0, body.indexOf('@')) : body
    String g = body.contains('/') ? body.substring(0, body.indexOf('/')) : 'parity.lib'
    def p = (body.contains('/') ? body.substring(body.indexOf('/') + 1) : body).split(':', -1)
    def matching = maven.findAll { e ->
      e.groupId == g && e.artifactId == p[0] &&
        (p.length < 2 || e.classifier == (p.length == 3 ? p[1] : '')) &&
        (p.length < 2 || baseVersion(e.version) == p[-1])
    }
    if (present && (matching.size() != 1 || (scope && matching[0].scope != scope))) {
      problems << "shape broken: Maven's list should have $claim, has ${matching.collect { key(it) + '@' + it.scope }}"
    }
    if (!present && matching) {
      problems << "shape broken: Maven's list should not have $claim, has ${matching.collect { key(it) }}"
    }
  }
  if (!maven) {
    problems << "shape broken: Maven's list is empty"
  }

  // Shape-specific behaviour of the plugin.
  if (shape == 'system' && !log.contains("Dependency parity.lib:sy-lib:1.0 has scope 'system'")) {
    problems << "no warning naming the system-scoped parity.lib:sy-lib:1.0"
  }
  if (shape == 'snapshot') {
    def inFunction = json.function.libraries*.artifactId
    ['sn-lib', 'sn-plain'].each { a ->
      if (!(a in inFunction)) {
        problems << "SNAPSHOT $a is not in the function (function: $inFunction)"
      }
    }
  }

  if (problems) {
    failed++
    report << "[$shape] ${problems.size()} problem(s); Maven lists ${maven.collect { key(it) + '@' + it.scope + (it.type == 'jar' ? '' : ' (' + it.type + ')') }}\n"
    problems.each { report << "    $it\n" }
  } else {
    report << "[$shape] ok: ${expected.size()} jars, the same in build.json\n"
  }
}
new File(basedir, 'parity-report.txt').text = report.toString()
if (!failed) {
  println report
} else {
  throw new AssertionError("lambda:layer disagrees with Maven's runtime class path in ${failed} of ${modules.size()} shapes:\n${report}")
}
return true
