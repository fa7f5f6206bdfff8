// A 270,000,000-byte "jar" in the IT local repository: sparse, so it costs no disk space.
File dir = new File(localRepositoryPath, 'it/lambda/generated/huge/1.0')
dir.mkdirs()
new File(dir, 'huge-1.0.pom').text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.lambda.generated</groupId>
  <artifactId>huge</artifactId>
  <version>1.0</version>
</project>
'''
new RandomAccessFile(new File(dir, 'huge-1.0.jar'), 'rw').withCloseable { it.setLength(270_000_000L) }
return true
