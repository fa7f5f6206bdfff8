import groovy.json.JsonSlurper
import java.nio.file.Files
import java.util.zip.ZipFile

def entries(File zip) {
  def z = new ZipFile(zip)
  try { z.entries().toList()*.name.findAll { !it.endsWith('/') } } finally { z.close() }
}

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def modules = ['orders', 'billing', 'shipping']
  def layerZips = modules.collect { m ->
    def zips = new File(basedir, "$m/target/lambda").listFiles().findAll { it.name ==~ /reactor-shared-[0-9a-f]{12}\.zip/ }
    assert zips.size() == 1 : "$m has exactly one reactor layer zip"
    zips[0]
  }
  assert layerZips*.name.unique().size() == 1 : 'the same reactor layer in every module'

  // What at least two modules use, at one version; every module carries all of it.
  def jars = entries(layerZips[0]).collect { it - 'java/lib/' }.sort()
  assert jars.any { it.startsWith('com.fasterxml.jackson.core-jackson-databind-2.21.3') }
  assert jars.any { it.startsWith('com.fasterxml.jackson.core-jackson-core-') }
  assert jars.any { it.startsWith('com.fasterxml.jackson.core-jackson-annotations-') }
  assert jars.any { it.startsWith('org.apache.commons-commons-lang3-3.20.0') } : 'orders, billing and shipping (through commons-text) use it'
  assert !jars.any { it.contains('commons-text') } : 'only shipping uses commons-text'
  assert !jars.any { it.contains('slf4j') } : 'orders and billing want different slf4j-api versions'

  // Every function is slim; what is a module's own goes into its own layer.
  modules.each { m ->
    def fn = entries(new File(basedir, "$m/target/lambda/$m-function.zip"))
    assert fn.every { !it.startsWith('lib/') } : "$m is slim"
  }
  def own = { m -> new File(basedir, "$m/target/lambda").listFiles().find { it.name ==~ /${m}-[0-9a-f]{12}\.zip/ } }
  assert entries(own('shipping')).any { it.contains('commons-text-1.15.0') }
  assert entries(own('orders')).any { it.contains('slf4j-api-2.0.17') }
  assert entries(own('billing')).any { it.contains('slf4j-api-2.0.16') }

  def log = new File(basedir, 'build.log').text
  assert log.contains("Reactor layer 'reactor-shared': org.slf4j:slf4j-api is used in different versions (2.0.16 in it.lambdalayer.reactorlayer:billing; 2.0.17 in it.lambdalayer.reactorlayer:orders)")

  // Written once under -T 2: one file in the reactor's cache, linked into the other modules.
  def summary = log.readLines().findAll { it =~ /layer +reactor-shared / }
  assert summary.count { it.endsWith('(written)') } >= 1
  assert summary.count { it.endsWith('(shared)') } >= 2
  def cached = new File(basedir, 'target/lambda-layer-cache').listFiles().findAll { it.name.endsWith('.zip') }
  def reactorLayerFiles = cached.findAll { c -> Files.isSameFile(c.toPath(), new File(basedir, "orders/target/lambda/${layerZips[0].name}").toPath()) }
  assert reactorLayerFiles.size() == 1
  assert Files.isSameFile(new File(basedir, "billing/target/lambda/${layerZips[0].name}").toPath(), reactorLayerFiles[0].toPath())

  // -pl shipping chose the same libraries from the whole reactor: no other layer version appeared.
  assert !(log =~ /reactor-shared-(?!${layerZips[0].name.substring(15, 27)})[0-9a-f]{12}\.zip/)

  // Published once; every function has the reactor layer first, then its own.
  assert server.layerVersionCount('eu-west-1', 'reactor-shared') == 1
  def arn = 'arn:aws:lambda:eu-west-1:123456789012:layer:reactor-shared:1'
  modules.each { m ->
    def layers = server.functionLayers('eu-west-1', m)
    assert layers == [arn, "arn:aws:lambda:eu-west-1:123456789012:layer:$m:1".toString()]
  }
  modules.each { m ->
    def lock = new JsonSlurper().parse(new File(basedir, "$m/lambda-layers.lock.json"))
    assert lock.layers[0].name == 'reactor-shared'
    assert lock.layers[0].published*.layerVersionArn == [arn]
    def audit = new JsonSlurper().parse(new File(basedir, "$m/target/lambda/audit.json"))
    assert audit.clean == true && audit.failedChecks == 0 : "$m audits clean"
  }
} finally {
  server?.close()
}
return true
