import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// A file repository with one library whose jar is cut in half, as an interrupted download leaves it.
File dir = new File(basedir, 'repo/it/broken/truncated/1.0')
dir.mkdirs()
new File(dir, 'truncated-1.0.pom').text = '''<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.broken</groupId>
  <artifactId>truncated</artifactId>
  <version>1.0</version>
</project>
'''
def bytes = new ByteArrayOutputStream()
new ZipOutputStream(bytes).withCloseable { zip ->
  (1..20).each { i ->
    zip.putNextEntry(new ZipEntry("it/broken/File${i}.txt"))
    zip.write(("content of file $i " * 50).bytes)
    zip.closeEntry()
  }
}
byte[] whole = bytes.toByteArray()
new File(dir, 'truncated-1.0.jar').bytes = Arrays.copyOf(whole, whole.length.intdiv(2))
return true
