import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def stagingLayer = 'arn:aws:lambda:eu-west-1:123456789012:layer:jackson:1'
  def prodLayer = 'arn:aws:lambda:us-east-1:123456789012:layer:jackson:1'

  // Prod runs exactly what staging ran: the same layer content, code and layer list; alias moved.
  assert server.layerVersionCount('us-east-1', 'jackson') == 1 : 'published once, despite two promotions'
  assert server.layerVersionCodeSha256('us-east-1', 'jackson', 1L) ==
      server.layerVersionCodeSha256('eu-west-1', 'jackson', 1L)
  assert server.functionCodeSha256('us-east-1', 'hello-prod') == server.functionCodeSha256('eu-west-1', 'hello')
  assert server.functionLayers('us-east-1', 'hello-prod') == [prodLayer]
  assert server.aliasVersion('us-east-1', 'hello-prod', 'live') == '1'
  assert server.functionVersionCount('us-east-1', 'hello-prod') == 1 : 'the second promotion changed nothing'
  // <share> holds for promoted versions too: the grant is created in prod, not converged away.
  assert server.layerPolicySids('eu-west-1', 'jackson', 1L).size() == 1
  assert server.layerPolicySids('us-east-1', 'jackson', 1L) == server.layerPolicySids('eu-west-1', 'jackson', 1L)

  // The lockfile records both environments; the refused promotion changed nothing.
  def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
  assert lock.layers[0].published*.region == ['eu-west-1'] : 'promotion does not touch the build records'
  assert lock.environments*.name == ['prod', 'staging']
  def prod = lock.environments[0]
  def staging = lock.environments[1]
  assert staging.region == 'eu-west-1'
  assert staging.layers == [[name: 'jackson', layerVersionArn: stagingLayer, codeSha256: lock.layers[0].codeSha256]]
  assert staging.function.name == 'hello' && staging.function.alias == 'live' && staging.function.version == '1'
  assert staging.function.layers == [stagingLayer]
  assert prod.region == 'us-east-1'
  assert prod.layers == [[name: 'jackson', layerVersionArn: prodLayer, codeSha256: lock.layers[0].codeSha256]]
  assert prod.function == [name: 'hello-prod', alias: 'live', version: '1',
                           codeSha256: staging.function.codeSha256, layers: [prodLayer]]

  def log = new File(basedir, 'build.log').getText('UTF-8')
  assert log.contains("Recorded in lambda-layers.lock.json what environment 'staging' runs in [eu-west-1].")
  // After 'clean' nothing of the build is left: both zips come from staging, hash-checked.
  def promotions = log.substring(log.indexOf("Promoting environment 'staging' to 'prod'"))
  assert promotions.contains('layer jackson (' + stagingLayer + '): downloaded and verified')
  assert promotions.contains('function hello version 1: downloaded and verified')
  assert !promotions.contains('Lambda zips in') : 'nothing may be rebuilt by a promotion'
  assert log.contains("Promoted 'staging' to 'prod' in [us-east-1]: 1 layer version(s), 1 newly published;" +
      " function 'hello-prod' us-east-1 version 1, alias 'live'; 2 zip(s) downloaded and verified, nothing rebuilt.")
  // The dry run.
  assert log.contains('Dry run (-Dlambda.dryRun): nothing is called, downloaded or written to AWS.')
  assert log.contains('prod us-east-1: PublishVersion hello-prod (CodeSha256 ' + staging.function.codeSha256)
  assert log.contains("Sharing: each version's policy (GetLayerVersionPolicy) must grant exactly [")
  assert promotions.contains("Layer 'jackson' us-east-1 version 1: shared with ")
  // The second promotion takes the kept zips and finds the recorded version.
  assert promotions.contains('layer jackson (' + stagingLayer + '): taken from jackson-')
  assert log.contains("0 newly published; function 'hello-prod' us-east-1 version 1, alias 'live'; 0 zip(s) downloaded")
  // The refusal: staging's alias was moved behind the lockfile's back.
  assert log.contains('lambda:promote refused; nothing was deployed:')
  assert log.contains("environment 'staging' in eu-west-1: alias 'live' of function 'hello' points at version 2, the lockfile records version 1")
  assert log.contains("environment 'staging' in eu-west-1: function 'hello' has the layers [], the lockfile records [" + stagingLayer + "]")
  // An unknown environment names the declared ones.
  assert log.contains("<environment> (-Dlambda.environment) 'qa': is not a declared environment (declared: staging, prod)")
  // The remote audit per environment: prod is clean, staging's moved alias is drift.
  def audits = log.substring(log.indexOf('Lambda audit against lambda-layers.lock.json:'))
  assert audits.contains('8 of 8 checks passed')
  assert audits.contains("function hello [remote-function] environment 'staging' in eu-west-1: alias 'live' of function 'hello' points at version 2, the lockfile records version 1")
  assert audits.contains("If environment 'staging' no longer runs what the lockfile records, publish to it again (mvn package lambda:publish -Dlambda.environment=staging) or promote to it")
  def audit = new JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
  assert audit.toString().contains("environment 'staging' in eu-west-1: function 'hello' has the layers []")
  // The presigned code locations carry a signature: it never reaches the log, not even with -X.
  assert promotions.contains('[DEBUG]') : 'the first promotion must have run with -X'
  assert !log.contains(dev.lambdalayer.aws.FakeAwsServer.PRESIGNED_SIGNATURE)
  assert !log.contains('itSecretKeyNeverToBeLogged')
} finally {
  server?.close()
}
return true
