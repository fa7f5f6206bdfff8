// Starts the fake Lambda/S3 server for this IT and points every build at it. Just before the first
// GetLayerVersionByArn (the function's publish verifying the shared layer) is served, version 1 of
// layer 'platform' gets other content than its descriptor records.
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'fn')
def bytes = new ByteArrayOutputStream()
new ZipOutputStream(bytes).withCloseable { zip ->
  zip.putNextEntry(new ZipEntry('java/lib/other.jar'))
  zip.write('not the jars the descriptor lists'.bytes)
  zip.closeEntry()
}
def other = bytes.toByteArray()
server.beforeCall('GetLayerVersionByArn', 1,
    { server.replaceLayerContent('eu-west-1', 'platform', 1L, other) } as Runnable)
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
