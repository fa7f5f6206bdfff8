// Throttling on the calls that matter most, a 500 and a dropped connection on others.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.failNext('PublishLayerVersion', '429', 2)
server.failNext('ListLayerVersions', '429', 1)
server.failNext('UpdateFunctionConfiguration', '429', 1)
server.failNext('UpdateFunctionCode', '500', 1)
server.failNext('GetFunctionConfiguration', 'drop', 1)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
