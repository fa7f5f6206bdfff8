// Starts the fake Lambda server with ten versions of layer 'deps', a function that uses some of
// them through $LATEST and an alias (with routing), and a lockfile that records one more.
import dev.lambdalayer.core.model.Lockfile
import dev.lambdalayer.core.lock.LockfileCodec

def server = dev.lambdalayer.aws.FakeAwsServer.start()
def r = 'eu-west-1'
def arn = { n -> "arn:aws:lambda:${r}:123456789012:layer:deps:${n}".toString() }
(1..10).each { n -> server.createLayerVersion(r, 'deps', new byte[1000 * n]) }
server.createFunction(r, 'hello')
server.setFunctionLayers(r, 'hello', [arn(3)])
assert server.publishFunctionVersion(r, 'hello') == '1'
server.setFunctionLayers(r, 'hello', [arn(4)])
assert server.publishFunctionVersion(r, 'hello') == '2'
server.setFunctionLayers(r, 'hello', [arn(5)])
server.pointAlias(r, 'hello', 'live', '2', '1', 0.1d)

def codeSha256 = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' // base64 of the all-zero sha256
def published = [new Lockfile.Published(r, '123456789012', arn(2), 2L, codeSha256)]
def layer = new Lockfile.Layer('deps', ['java21'], ['x86_64'], '0' * 64, codeSha256, [], published)
def lock = new Lockfile(1, 'it.lambdalayer:prune-keeps-referenced', '2026-01-01T00:00:00Z',
    'stored-sorted-v2', [layer], new Lockfile.Function('prune-keeps-referenced', []))
LockfileCodec.write(lock, new File(basedir, 'lambda-layers.lock.json').toPath())

System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
