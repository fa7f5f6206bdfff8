import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// A 55 MB jar of random (incompressible) bytes in the IT local repository; verify.groovy deletes it.
File dir = new File(localRepositoryPath, 'it/lambda/generated/big-random/1.0')
dir.mkdirs()
new File(dir, 'big-random-1.0.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.lambda.generated</groupId>
  <artifactId>big-random</artifactId>
  <version>1.0</version>
</project>
'''
def random = new Random(42)
byte[] chunk = new byte[1024 * 1024]
new ZipOutputStream(new BufferedOutputStream(new FileOutputStream(new File(dir, 'big-random-1.0.jar')))).withCloseable { zip ->
  zip.setLevel(0) // random bytes do not compress; level 0 only frames them
  zip.putNextEntry(new ZipEntry('data.bin'))
  55.times {
    random.nextBytes(chunk)
    zip.write(chunk)
  }
  zip.closeEntry()
}

def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createBucket('eu-west-1', 'artifacts-eu-west-1')
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
return true
