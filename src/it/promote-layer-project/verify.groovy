import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def role = 'arn:aws:iam::210987654321:role/layer-publisher'
  def staging = 'arn:aws:lambda:eu-west-1:123456789012:layer:platform:1'
  def prod = 'arn:aws:lambda:us-east-1:123456789012:layer:platform:1'

  // Prod holds the same content, published once, with the role's credentials.
  assert server.layerVersionCount('us-east-1', 'platform') == 1
  assert server.layerVersionCodeSha256('us-east-1', 'platform', 1L) ==
      server.layerVersionCodeSha256('eu-west-1', 'platform', 1L)
  assert server.assumedRoles() == [role] : 'only the prod side assumes the role'
  assert server.accessKeyIds().contains(dev.lambdalayer.aws.FakeAwsServer.assumedAccessKeyId(role))
  assert server.callsByOperation()['DownloadCode'] == null : 'the attached zip was used'
  // A layer project's promoted version is verified too, before the environment records it.
  assert server.requestLog().contains('us-east-1 GetLayerVersionByArn 200')

  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.environments*.name == ['prod', 'staging']
  assert lock.environments.every { it.function == null }
  assert lock.environments[0].layers == [[name: 'platform', layerVersionArn: prod, codeSha256: lock.layers[0].codeSha256]]
  assert lock.environments[1].layers == [[name: 'platform', layerVersionArn: staging, codeSha256: lock.layers[0].codeSha256]]

  def log = new File(basedir, 'build.log').getText('UTF-8')
  def promotion = log.substring(log.indexOf("Promoting environment 'staging' to 'prod'"))
  assert promotion.contains("layer platform (${staging}): taken from platform-")
  assert promotion.contains('not rebuilt.')
  assert promotion.contains("Promoted 'staging' to 'prod' in [us-east-1]: 1 layer version(s), 1 newly published; no function (layers only); 0 zip(s) downloaded")
  assert !promotion.contains('Lambda zips in')
  assert !log.contains('itSecretKeyNeverToBeLogged')
  assert !log.contains('assumedSecretNeverToBeLogged')
} finally {
  server?.close()
}
return true
