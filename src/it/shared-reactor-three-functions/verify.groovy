import groovy.json.JsonSlurper
import java.nio.file.Files
import java.util.zip.ZipFile

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def modules = ['orders', 'billing', 'shipping']
  def hashes = modules.collect { m ->
    def zips = new File(basedir, "$m/target/lambda").listFiles().findAll { it.name ==~ /platform-[0-9a-f]{12}\.zip/ }
    assert zips.size() == 1 : "$m has exactly one platform layer zip"
    def fn = new ZipFile(new File(basedir, "$m/target/lambda/$m-function.zip"))
    assert fn.entries().toList()*.name.every { !it.startsWith('lib/') } : "$m is slim"
    fn.close()
    zips[0].name
  }
  assert hashes.unique().size() == 1 : 'identical content, identical layer in every module'

  // Written once: one file in the reactor's cache, hard-linked into every module.
  def layerFiles = modules.collect { new File(basedir, "$it/target/lambda/${hashes[0]}").toPath() }
  layerFiles.each { assert Files.isSameFile(it, layerFiles[0]) : "$it is the one layer zip the reactor wrote" }
  def cached = new File(basedir, 'target/lambda-layer-cache').listFiles().findAll { it.name.endsWith('.zip') }
  assert cached.size() == 1
  assert Files.isSameFile(cached[0].toPath(), layerFiles[0])
  // Even under -T 2 the modules do not write it side by side: one writes, the others wait and link.
  def summary = new File(basedir, 'build.log').readLines().findAll { it =~ /layer +platform / }
  assert summary.count { it.endsWith('(written)') } == 1
  assert summary.count { it.endsWith('(shared)') } == 2

  // Published once; every function got that one version.
  assert server.layerVersionCount('eu-west-1', 'platform') == 1
  def arn = 'arn:aws:lambda:eu-west-1:123456789012:layer:platform:1'
  modules.each { assert server.functionLayers('eu-west-1', it) == [arn] }
  def outcomes = modules.collect { new JsonSlurper().parse(new File(basedir, "$it/target/lambda/publish.json")).layers[0].outcome }
  assert outcomes.count('published') == 1
  assert outcomes.count { it in ['found', 'locked'] } == 2
} finally {
  server?.close()
}
return true
