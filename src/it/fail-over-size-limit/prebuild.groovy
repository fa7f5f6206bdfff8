// A 270,000,000-byte jar in the IT local repository: a valid zip (the plugin checks every jar's
// central directory) of one stored entry whose data is a hole, so it costs no disk space.
File dir = new File(localRepositoryPath, 'it/lambda/generated/huge/1.0')
dir.mkdirs()
new File(dir, 'huge-1.0.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.lambda.generated</groupId>
  <artifactId>huge</artifactId>
  <version>1.0</version>
</project>
'''
long total = 270_000_000L
byte[] name = 'blob.bin'.getBytes('UTF-8')
def le = { java.nio.ByteBuffer b -> b.order(java.nio.ByteOrder.LITTLE_ENDIAN) }
long local = 30 + name.length
long cdSize = 46 + name.length
long data = total - local - cdSize - 22
new RandomAccessFile(new File(dir, 'huge-1.0.jar'), 'rw').withCloseable { f ->
  f.setLength(0)
  def header = le(java.nio.ByteBuffer.allocate((int) local))
  header.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0)
  header.putShort((short) 0).putShort((short) 0x21).putInt(0).putInt((int) data).putInt((int) data)
  header.putShort((short) name.length).putShort((short) 0).put(name)
  f.write(header.array())
  f.seek(local + data)
  def central = le(java.nio.ByteBuffer.allocate((int) cdSize + 22))
  central.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0)
  central.putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt(0)
  central.putInt((int) data).putInt((int) data).putShort((short) name.length).putShort((short) 0)
  central.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name)
  central.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1)
  central.putShort((short) 1).putInt((int) cdSize).putInt((int) (local + data)).putShort((short) 0)
  f.write(central.array())
}
assert new File(dir, 'huge-1.0.jar').length() == total
new java.util.zip.ZipFile(new File(dir, 'huge-1.0.jar')).withCloseable { assert it.size() == 1 }
return true
