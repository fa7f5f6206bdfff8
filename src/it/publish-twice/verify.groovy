import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  def layer = lock.layers[0]
  assert layer.name == 'jackson'
  assert layer.published*.region == ['eu-west-1', 'us-east-1']
  assert layer.published*.layerVersionArn == [
      'arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1',
      'arn:aws:lambda:us-east-1:123456789012:layer:jackson:1']
  assert layer.published.every { it.codeSha256 == layer.codeSha256 && it.account == '123456789012' }

  // Published once per region, despite two runs.
  assert server.layerVersionCount('eu-west-1', 'jackson') == 1
  assert server.layerVersionCount('us-east-1', 'jackson') == 1
  assert server.layerPolicySids('eu-west-1', 'jackson', 1) == ['lambda-layer-account-210987654321']

  // The function got the layer and the slim code; the alias points at a published version.
  assert server.functionLayers('eu-west-1', 'hello') == ['arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1']
  assert server.aliasVersion('us-east-1', 'hello', 'live') == '1'
  assert server.functionVersionCount('eu-west-1', 'hello') == 1 : 'an unchanged function publishes no new version'

  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/publish.json'))
  assert report.layers*.outcome == ['locked', 'locked'] : 'the second run reuses the locked versions'
  assert report.layers.every { it.uploadedBytes == 0 }
  assert report.functions.every { !it.codeUpdated && !it.layersUpdated }

  def tf = new JsonSlurper().parse(new File(basedir, 'target/lambda/lambda-layers.auto.tfvars.json'))
  assert tf.lambda_layer_arns.jackson.'us-east-1' == 'arn:aws:lambda:us-east-1:123456789012:layer:jackson:1'
  def cfn = new JsonSlurper().parse(new File(basedir, 'target/lambda/cloudformation-parameters-eu-west-1.json'))
  assert cfn == [[ParameterKey: 'LayerJacksonArn', ParameterValue: 'arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1']]
  assert new File(basedir, 'target/lambda/sam-parameter-overrides-us-east-1.txt').text.trim() ==
      'LayerJacksonArn=arn:aws:lambda:us-east-1:123456789012:layer:jackson:1'

  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains('[DEBUG]') : 'the build must have run with -X'
  assert log.contains('No new layer version: 2 already there in [eu-west-1, us-east-1]; nothing uploaded')
  assert !log.contains('itSecretKeyNeverToBeLogged')
  assert !log.contains('itSessionTokenNeverToBeLogged')
  assert !log.contains('Signature=')
} finally {
  server?.close()
}
return true
