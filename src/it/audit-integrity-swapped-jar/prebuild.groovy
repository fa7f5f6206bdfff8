import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// A dedicated artifact, installed straight into the IT local repository (without a
// _remote.repositories file Maven treats it as locally installed), so no shared jar is touched.
def jar(File file, String content) {
  file.parentFile.mkdirs()
  file.withOutputStream { out ->
    def zip = new ZipOutputStream(out)
    zip.putNextEntry(new ZipEntry('tiny/Readme.txt'))
    zip.write(content.getBytes('UTF-8'))
    zip.closeEntry()
    zip.close()
  }
}
def dir = new File(localRepositoryPath, 'it/lambdalayer/integrity/tiny-lib/1.0')
jar(new File(dir, 'tiny-lib-1.0.jar'), 'the locked bytes')
new File(dir, 'tiny-lib-1.0.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.lambdalayer.integrity</groupId>
  <artifactId>tiny-lib</artifactId>
  <version>1.0</version>
</project>
'''
// Other bytes, another size: what a swapped or re-published artifact looks like.
jar(new File(basedir, 'swap/tiny-lib-1.0.jar'), 'other bytes, not the ones that were locked')
return true
