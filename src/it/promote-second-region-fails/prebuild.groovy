// Starts the fake Lambda/S3 server. 'hello-prod' exists in us-east-1 only, so the promotion's
// second region fails after the first one changed.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.createFunction('us-east-1', 'hello-prod')
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
