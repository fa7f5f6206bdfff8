// Starts the fake Lambda/S3 server for this IT and points the build at it. The layer version that
// the first build publishes is deleted just before the second audit's GetLayerVersion is served.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.beforeCall('GetLayerVersion', 2, { server.deleteLayerVersion('eu-west-1', 'jackson', 1L) } as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
