// A fake AWS endpoint that would answer: the dry run must not call it.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
