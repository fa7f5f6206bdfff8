import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').getText('UTF-8')
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.layers*.name == ['annotations', 'jackson']
  def annotations = 'arn:aws:lambda:eu-west-1:123456789012:layer:annotations:1'
  def jackson = 'arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1'

  // The first audit sees the reversed list: drift naming both orders, in the log and audit.json.
  def drift = "eu-west-1: the function's layers are in the order 'jackson', 'annotations', the" +
      " lockfile's order is 'annotations', 'jackson': Lambda extracts later layers over earlier" +
      " ones, so files both hold come from another layer than tested; publish the function again" +
      " to restore the order"
  assert log.contains(drift)
  assert log =~ /remote-layers\s+ok/
  def driftReport = new JsonSlurper().parse(new File(basedir, 'target/lambda-drift/audit.json'))
  def driftChecks = driftReport.subjects.find { it.kind == 'function' && it.name == 'hello' }.checks
  def remoteFunction = driftChecks.find { it.check == 'remote-function' }
  assert !remoteFunction.passed
  assert remoteFunction.findings*.severity == ['drift']
  assert remoteFunction.findings*.message == [drift]

  // The second publish puts the order back; the last audit is clean.
  assert server.functionLayers('eu-west-1', 'hello') == [annotations, jackson]
  assert log =~ /remote-function\s+ok/
  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
  def fn = report.subjects.find { it.kind == 'function' && it.name == 'hello' }
  assert fn.checks.find { it.check == 'remote-function' }.passed
  assert !log.contains('itSecretKeyNeverToBeLogged')
} finally {
  server?.close()
}
return true
