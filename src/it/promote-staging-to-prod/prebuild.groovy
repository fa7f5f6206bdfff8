// Starts the fake Lambda/S3 server for this IT and points the build at it. Staging is function
// 'hello' in eu-west-1, prod 'hello-prod' in us-east-1. Just before the third GetFunction (the
// refused promotion's check of staging), staging's alias is moved to a new version without layers.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.createFunction('us-east-1', 'hello-prod')
server.beforeCall('GetFunction', 3, {
  server.setFunctionLayers('eu-west-1', 'hello', [])
  def version = server.publishFunctionVersion('eu-west-1', 'hello')
  server.pointAlias('eu-west-1', 'hello', 'live', version, null, 0d)
} as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
