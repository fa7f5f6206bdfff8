// Starts the fake Lambda/S3 server for this IT and points the build at it.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
