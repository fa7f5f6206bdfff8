import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').getText('UTF-8')
def states = (log =~ /\[INFO\]\s+(layer|function)\s+\S+\s+\d+ jars?\s.*\((written|unchanged)\)/).collect { "${it[1]} ${it[2]}" }
assert states == [
  'layer written', 'function written',     // first build
  'layer written', 'function unchanged',   // new dependency: new layer, same function
  'layer unchanged', 'function unchanged', // nothing changed
] : states

// The superseded layer version was removed; the current one matches build.json.
File out = new File(basedir, 'target/lambda')
def layers = out.list().findAll { it ==~ /libs-[0-9a-f]{12}\.zip/ }
assert layers.size() == 1 : out.list()
def report = new JsonSlurper().parse(new File(out, 'build.json'))
File layer = new File(out, report.layers[0].file)
assert layer.name == layers[0]
assert report.layers[0].sha256 == MessageDigest.getInstance('SHA-256').digest(layer.bytes).encodeHex().toString()
new ZipFile(layer).withCloseable { z ->
  assert z.entries().toList().findAll { !it.directory }*.name == [
    'java/lib/commons-io-commons-io-2.20.0.jar',
    'java/lib/org.apache.commons-commons-lang3-3.19.0.jar'
  ]
}
return true
