import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  assert server.snapStartApplyOn('eu-west-1', 'hello') == 'PublishedVersions'
  // The layer changed, the code did not: still a new version, and the alias on it.
  assert server.layerVersionNumbers('eu-west-1', 'io') == [1L, 2L]
  assert server.functionLayers('eu-west-1', 'hello') == ['arn:aws:lambda:eu-west-1:123456789012:layer:io:2']
  assert server.callsByOperation().UpdateFunctionCode == 1 : 'the code was uploaded by the first run only'
  assert server.functionVersionCount('eu-west-1', 'hello') == 2
  assert server.aliasVersion('eu-west-1', 'hello', 'live') == '2'
  assert server.functionVersionState('eu-west-1', 'hello', '2') == 'Active'
  assert server.aliasMovesToPendingVersions() == 0 : 'the alias moved to a version still Pending'

  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/publish.json'))
  assert report.functions*.version == ['2']
  assert report.functions*.alias == ['live']
  assert report.functions.every { !it.codeUpdated && it.layersUpdated }

  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains("Function 'hello' eu-west-1: code updated, layers [arn:aws:lambda:eu-west-1:123456789012:layer:io:1]")
  assert log.contains('SnapStart turned on (ApplyOn PublishedVersions)')
  assert log.contains("Function 'hello' eu-west-1: code unchanged, layers [arn:aws:lambda:eu-west-1:123456789012:layer:io:2].")
  def waiting = log.indexOf("Function 'hello' eu-west-1: version 2 published; waiting until SnapStart has optimized it")
  def moved = log.indexOf("Function 'hello' eu-west-1: version 2 is Active (SnapStart), alias 'live' moved to it.")
  assert waiting > 0 && moved > waiting
} finally {
  server?.close()
}
return true
