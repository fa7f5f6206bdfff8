import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').getText('UTF-8')
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.layers[0].published*.layerVersionArn == ['arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1']

  // The first audit: the locked version exists, the function uses it and this build's code.
  assert log =~ /remote-layers\s+ok/
  assert log =~ /remote-function\s+ok/

  // The second: the deleted version is an error, even with failOnDrift=false.
  assert server.layerVersionCount('eu-west-1', 'jackson') == 0
  assert log.contains("ERROR  version 1 of layer 'jackson' in eu-west-1 (arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1) no longer exists")
  assert log.contains('layer jackson [remote-layers] version 1 of layer \'jackson\' in eu-west-1')
  assert log.contains('A locked layer version that no longer exists fails it too: run mvn lambda:publish')
  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
  def jackson = report.subjects.find { it.kind == 'layer' && it.name == 'jackson' }
  def remote = jackson.checks.find { it.check == 'remote-layers' }
  assert !remote.passed && remote.findings*.severity == ['error']
  def fn = report.subjects.find { it.kind == 'function' && it.name == 'hello' }
  assert fn.checks*.check == ['remote-function']
  def junit = new File(basedir, 'target/lambda/audit-junit.xml').getText('UTF-8')
  assert junit.contains('classname="lambda.layer.jackson" name="remote-layers" time="0">')
  assert junit.contains('type="remote-layers-error"')

  // Under -o the remote audit refuses before anything else.
  assert log.contains('lambda:audit with -Dlambda.audit.remote=true needs the network to reach AWS, but Maven runs offline (-o)')
  assert server.callsByOperation()['GetLayerVersion'] == 2
  assert !log.contains('itSecretKeyNeverToBeLogged')
} finally {
  server?.close()
}
return true
