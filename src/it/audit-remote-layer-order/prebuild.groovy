// Starts the fake Lambda/S3 server for this IT and points the build at it. Just before the first
// audit reads the first locked layer version, the function's layer list is reversed, as a
// hand-edit in the console would.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.beforeCall('GetLayerVersion', 1, {
  server.setFunctionLayers('eu-west-1', 'hello', server.functionLayers('eu-west-1', 'hello').reverse())
} as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
