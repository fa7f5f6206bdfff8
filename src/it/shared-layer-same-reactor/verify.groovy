import java.util.zip.ZipFile

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').text
  // Run 1: refused, with the dependency that fixes it.
  assert log.contains("<sharedLayers><sharedLayer> (-Dlambda.sharedLayers) 'it.lambdalayer.samereactor:platform-layer:1.0': is a module of this reactor, but nothing makes Maven build it before function")
  assert log.contains('<artifactId>platform-layer</artifactId><version>1.0</version><type>pom</type><scope>provided</scope></dependency>')

  // Run 2: the layer project first, then the function against its fresh descriptor.
  def platform = 'arn:aws:lambda:eu-west-1:123456789012:layer:platform:1'
  assert server.layerVersionCount('eu-west-1', 'platform') == 1
  assert server.functionLayers('eu-west-1', 'fn') == [platform, 'arn:aws:lambda:eu-west-1:123456789012:layer:function:1']
  def zips = new File(basedir, 'function/target/lambda').listFiles().findAll { it.name ==~ /function-[0-9a-f]{12}\.zip/ }
  assert zips.size() == 1
  def z = new ZipFile(zips[0])
  def names = z.entries().toList()*.name
  z.close()
  assert names.any { it.contains('commons-lang3') }
  assert !names.any { it.contains('jackson') } : 'the shared platform layer holds Jackson'

  // Command-line goals pass the aggregator by; the layer project has no function to check.
  assert log.contains('Skipping the aggregator monorepo: it has <modules>.')
  assert !new File(basedir, 'lambda-layers.lock.json').exists()
  assert !new File(basedir, 'target/lambda').exists()
  assert log.contains('Layer project: no function to check.')
  assert new File(basedir, 'function/target/lambda/classpath.json').isFile()
} finally {
  server?.close()
}
return true
