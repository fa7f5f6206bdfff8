// The first PublishLayerVersion races with an identical one from another publisher; the second
// creates its version, then its answer is dropped (the SDK retries the call).
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.concurrentPublisherBeforeNext(1)
server.beforeCall('PublishLayerVersion', 2, { server.failNext('PublishLayerVersion', 'lost', 1) } as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
