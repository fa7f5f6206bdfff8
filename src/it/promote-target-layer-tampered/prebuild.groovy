// Starts the fake Lambda/S3 server. The publish to staging verifies its one layer (the first
// GetLayerVersionByArn); just before the second one (the promotion's check of prod's copy),
// prod's version 1 of 'jackson' is given other content.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.createFunction('us-east-1', 'hello-prod')
server.beforeCall('GetLayerVersionByArn', 2, {
  server.replaceLayerContent('us-east-1', 'jackson', 1L, 'not the promoted layer'.bytes)
} as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
