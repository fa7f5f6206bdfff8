import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def arn = 'arn:aws:lambda:eu-west-1:123456789012:layer:platform:1'
  // The layer project: one layer, no function zip, a descriptor with the ARN in the local repo.
  def layerTarget = new File(basedir, 'platform-layer/target/lambda')
  assert !new File(layerTarget, 'platform-layer-function.zip').exists()
  assert server.layerVersionCount('eu-west-1', 'platform') == 1
  def installed = new File(localRepositoryPath,
      'it/lambdalayer/shared/platform-layer/1.4.0/platform-layer-1.4.0-lambda-layer-descriptor.json')
  assert installed.isFile() : 'install must carry the descriptor'
  def descriptor = new JsonSlurper().parse(installed)
  assert descriptor.layer == 'it.lambdalayer.shared:platform-layer:1.4.0'
  assert descriptor.name == 'platform'
  assert descriptor.published*.layerVersionArn == [arn] : 'publish runs before install: the ARN travels'
  assert descriptor.libraries*.artifactId.containsAll(['jackson-databind', 'jackson-core', 'slf4j-api'])
  assert descriptor.sha256 ==~ /[0-9a-f]{64}/

  // function-a: slim (no library of its own), deployed with the shared layer's ARN.
  def fa = new ZipFile(new File(basedir, 'function-a/target/lambda/function-a-function.zip'))
  assert fa.entries().toList()*.name.every { !it.startsWith('lib/') } : 'shared libraries stay out'
  fa.close()
  assert !new File(basedir, 'function-a/target/lambda').listFiles().any { it.name ==~ /function-a-[0-9a-f]{12}\.zip/ }
  assert server.functionLayers('eu-west-1', 'fa') == [arn]
  def lockA = new JsonSlurper().parse(new File(basedir, 'function-a/lambda-layers.lock.json'))
  assert lockA.sharedLayers*.layer == ['it.lambdalayer.shared:platform-layer:1.4.0']
  assert lockA.sharedLayers[0].sha256 == descriptor.sha256
  def auditA = new JsonSlurper().parse(new File(basedir, 'function-a/target/lambda/audit.json'))
  assert auditA.subjects.find { it.kind == 'function' }.checks.find { it.check == 'shared-layers' }.passed
  def cp = new JsonSlurper().parse(new File(basedir, 'function-a/target/lambda/classpath.json'))
  assert cp.errors == 0

  // function-b: skew reported with both versions, its Jackson stays in the function; publish to a
  // region without the layer fails before any call, naming the layer, the region and the fix.
  def fb = new ZipFile(new File(basedir, 'function-b/target/lambda/function-b-function.zip'))
  def names = fb.entries().toList()*.name
  fb.close()
  assert names.contains('lib/com.fasterxml.jackson.core-jackson-databind-2.18.2.jar')
  assert !names.any { it.contains('slf4j') } : 'slf4j-api matches the layer: it stays out'
  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains('Version skew: com.fasterxml.jackson.core:jackson-databind: the function wants 2.18.2')
  assert log.contains('holds 2.21.3')
  assert log.contains('2.18.2 stays in the function zip (/var/task/lib) and runs')
  assert log.contains("it.lambdalayer.shared:platform-layer:1.4.0' : layer 'platform' has no published version in us-east-1") ||
      log.contains("'it.lambdalayer.shared:platform-layer:1.4.0': layer 'platform' has no published version in us-east-1")
  assert log.contains("add us-east-1 to the layer project's regions")
  assert server.functionLayers('us-east-1', 'fb') == []
} finally {
  server?.close()
}
return true
