import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def arn = 'arn:aws:lambda:eu-west-1:123456789012:layer:platform:1'
  def descriptor = new JsonSlurper().parse(new File(localRepositoryPath,
      'it/lambdalayer/trust/platform-layer/1.4.0/platform-layer-1.4.0-lambda-layer-descriptor.json'))
  assert descriptor.published*.layerVersionArn == [arn]
  def log = new File(basedir, 'build.log').getText('UTF-8')

  // The publish refused before any function call, naming layer, region, both hashes and the fix.
  assert log.contains('lambda:publish refuses to deploy the function')
  assert log.contains("layer 'platform' in eu-west-1 (${arn}) holds CodeSha256 ")
  assert log.contains("but the descriptor of shared layer it.lambdalayer.trust:platform-layer:1.4.0 records ${descriptor.codeSha256}")
  assert log.contains('Publish the shared layer project again and install (or deploy) it')
  assert log.contains('The function was not changed.')
  def ops = server.callsByOperation()
  assert !ops.keySet().any { it.startsWith('UpdateFunction') } : "a function call was made: ${ops}"
  // The one read of the function is the remote audit's; the publish never reached it.
  assert ops['GetFunctionConfiguration'] == 1
  // An account list without the publisher's account refuses the shared layer, naming both.
  assert log.contains("layer 'platform' is published from account 123456789012, which is not trusted" +
      " (trusted: 999999999999)")
  assert log.contains('<trustedAccounts><trustedAccount> (-Dlambda.trustedAccounts)')

  // One read by the publish's verification, one by the audit.
  assert ops['GetLayerVersionByArn'] == 2
  assert server.functionLayers('eu-west-1', 'fn') == []

  // The remote audit reports the shared layer's drift.
  def audit = new JsonSlurper().parse(new File(basedir, 'function/target/lambda/audit.json'))
  def platform = audit.subjects.find { it.kind == 'layer' && it.name == 'platform' }
  def check = platform.checks.find { it.check == 'remote-shared-layers' }
  assert !check.passed
  assert check.findings*.severity == ['drift']
  assert check.findings[0].message.contains("holds CodeSha256 ")
} finally {
  server?.close()
}
return true
