import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def requests = server.requestLog()
  // Each injected fault was answered, then the same operation retried and succeeded.
  assert requests.count { it == 'eu-west-1 PublishLayerVersion fault:429' } == 2
  assert requests.count { it == 'eu-west-1 PublishLayerVersion 201' } == 1
  assert requests.contains('eu-west-1 ListLayerVersions fault:429')
  assert requests.contains('eu-west-1 UpdateFunctionConfiguration fault:429')
  assert requests.contains('eu-west-1 UpdateFunctionCode fault:500')
  assert requests.contains('eu-west-1 UpdateFunctionCode 200')
  assert requests.contains('eu-west-1 GetFunctionConfiguration fault:drop')

  // One version despite the retried publish; the function has it.
  assert server.layerVersionCount('eu-west-1', 'jackson') == 1
  assert server.functionLayers('eu-west-1', 'hello') == ['arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1']
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.layers[0].published*.version == [1]
  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains('BUILD SUCCESS')
} finally {
  server?.close()
}
return true
