import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def jars = { File f -> new ZipFile(f).withCloseable { z -> z.entries().toList().findAll { !it.directory }*.name } }

File out = new File(basedir, 'target/lambda')
def report = new JsonSlurper().parse(new File(out, 'build.json'))

// Layers in the configured order; the empty one is left out.
assert report.layers*.name == ['text', 'jackson', 'jackson_rest']
assert !out.list().any { it.startsWith('unused') }

def contents = [:]
report.layers.each { layer ->
  File zip = new File(out, layer.file)
  assert zip.isFile() && layer.file ==~ /${layer.name}-[0-9a-f]{12}\.zip/
  contents[layer.name] = jars(zip)
  assert contents[layer.name].sort() == layer.libraries*.entry.sort()
}
contents.function = jars(new File(out, 'multi-layer-rules-function.zip'))

// text: the include with a version pattern, plus its transitive dependency.
assert contents.text.size() == 2
assert contents.text.contains('java/lib/org.apache.commons-commons-text-1.12.0.jar')
assert contents.text.any { it ==~ /java\/lib\/org\.apache\.commons-commons-lang3-3\.[\d.]+\.jar/ }

// jackson: <transitive>false</transitive> takes the match alone.
assert contents.jackson == ['java/lib/com.fasterxml.jackson.core-jackson-databind-2.21.3.jar']

// jackson_rest: first match wins (databind is not here), the exclude refuses jackson-core.
assert contents.jackson_rest.size() == 1
assert contents.jackson_rest[0] ==~ /java\/lib\/com\.fasterxml\.jackson\.core-jackson-annotations-2\.21.*\.jar/

// The function keeps what no layer took, under lib/.
def functionJars = contents.function.findAll { it.endsWith('.jar') }
assert functionJars.size() == 2 : functionJars
assert functionJars.any { it ==~ /lib\/com\.fasterxml\.jackson\.core-jackson-core-2\.21\.\d+\.jar/ }
assert functionJars.contains('lib/commons-io-commons-io-2.20.0.jar')
assert report.function.jars == 2
assert report.function.libraries*.entry.sort() == functionJars.sort()

// Every library lands exactly once.
def all = contents.values().flatten().findAll { it.endsWith('.jar') }.collect { it.substring(it.lastIndexOf('/') + 1) }
assert all.size() == all.toUnique().size() : "a jar landed twice: $all"
assert all.size() == 6

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[WARNING] Layer 'unused' matched no library and is left out.")
assert log =~ /layer\s+text\s+2 jars/
assert log =~ /layer\s+jackson\s+1 jar /
assert log =~ /function\s+multi-layer-rules\s+2 jars/

return true
