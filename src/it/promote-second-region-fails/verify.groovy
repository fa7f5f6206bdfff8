import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def east = 'arn:aws:lambda:us-east-1:123456789012:layer:jackson:1'
  def west = 'arn:aws:lambda:us-west-2:123456789012:layer:jackson:1'
  // us-east-1 changed before us-west-2 failed.
  assert server.functionLayers('us-east-1', 'hello-prod') == [east]
  assert server.aliasVersion('us-east-1', 'hello-prod', 'live') == '1'

  // The lockfile says so: prod's us-east-1 record is written although the promotion failed;
  // us-west-2, whose function was not changed, has no record.
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  def prod = lock.environments.findAll { it.name == 'prod' }
  assert prod*.region == ['us-east-1']
  assert prod[0].function.name == 'hello-prod' && prod[0].function.version == '1'
  assert prod[0].function.layers == [east]
  assert prod[0].layers == [[name: 'jackson', layerVersionArn: east, codeSha256: lock.layers[0].codeSha256]]
  assert server.layerVersionCount('us-west-2', 'jackson') == 1 : 'the layer was published in us-west-2'

  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains('hello-prod')
  assert !log.contains('itSecretKeyNeverToBeLogged')
} finally {
  server?.close()
}
return true
