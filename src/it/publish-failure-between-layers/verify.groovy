import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains("PublishLayerVersion for layer 'slf4j' in eu-west-1 failed: Internal failure (injected)")

  // After the failed run: the first layer is recorded, the second is locked but not published.
  def after = new JsonSlurper().parse(new File(basedir, 'target/lockfile-after-failure.json'))
  assert after.layers*.name == ['jackson', 'slf4j']
  assert after.layers[0].published*.layerVersionArn == ['arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1']
  assert !after.layers[1].published

  // After the rerun: both recorded, each published exactly once.
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.layers[0].published*.layerVersionArn == ['arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1']
  assert lock.layers[1].published*.layerVersionArn == ['arn:aws:lambda:eu-west-1:123456789012:layer:slf4j:1']
  assert lock.layers.every { l -> l.published.every { it.codeSha256 == l.codeSha256 } }
  assert server.layerVersionCount('eu-west-1', 'jackson') == 1
  assert server.layerVersionCount('eu-west-1', 'slf4j') == 1

  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/publish.json'))
  assert report.layers*.outcome == ['locked', 'published']
} finally {
  server?.close()
}
return true
