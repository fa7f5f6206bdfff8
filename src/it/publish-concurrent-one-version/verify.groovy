import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  // Three PublishLayerVersion calls reached the server (the twin is made inside the first): four
  // versions were created, two remain, one per content.
  assert server.callsByOperation().PublishLayerVersion == 3
  assert server.layerVersionNumbers('eu-west-1', 'jackson') == [1L]
  assert server.layerVersionNumbers('eu-west-1', 'text') == [1L]

  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.layers.collectEntries { [(it.name): it.published*.layerVersionArn] } == [
      jackson: ['arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1'],
      text: ['arn:aws:lambda:eu-west-1:123456789012:layer:text:1']]
  assert server.functionLayers('eu-west-1', 'hello') == [
      'arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1',
      'arn:aws:lambda:eu-west-1:123456789012:layer:text:1']

  def log = new File(basedir, 'build.log').getText('UTF-8')
  def jackson = log.readLines().find { it.contains("Layer 'jackson' eu-west-1: version 2 duplicates version 1") }
  assert jackson?.startsWith('[WARNING]') : 'the duplicate is reported at WARN'
  assert jackson.contains('because another publisher (a concurrent build?) published the same content')
  assert jackson.contains('Deleted the duplicate version 2, so one version holds this content. Using version 1.')
  def text = log.readLines().find { it.contains("Layer 'text' eu-west-1: version 2 duplicates version 1") }
  assert text?.startsWith('[WARNING]')
  assert text.contains('the AWS SDK retried the call, which had already created version 1')
  assert text.contains('Deleted the duplicate version 2')
  assert !log.contains('published concurrently')
  assert log.contains('No new layer version: 2 settled on an equal version made at the same time (see the warnings) in [eu-west-1]')
  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/publish.json'))
  assert report.layers*.outcome == ['settled', 'settled']
} finally {
  server?.close()
}
return true
