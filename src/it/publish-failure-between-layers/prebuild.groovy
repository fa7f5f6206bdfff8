// The second PublishLayerVersion fails on both of its attempts (<maxAttempts>2). The rerun's first
// GetLayerVersion (the first run makes none: it has no lockfile yet) copies the lockfile as the
// failed run left it, for verify.groovy.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.beforeCall('PublishLayerVersion', 2, { server.failNext('PublishLayerVersion', '500', 2) } as Runnable)
File lockfile = new File(basedir, 'lambda-layers.lock.json')
File snapshot = new File(basedir, 'target/lockfile-after-failure.json')
server.beforeCall('GetLayerVersion', 1, { snapshot.bytes = lockfile.bytes } as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
