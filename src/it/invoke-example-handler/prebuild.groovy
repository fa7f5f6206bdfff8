// A jdk toolchain at a JDK 21 or newer of this machine: invoke takes it for the example's oldest
// runtime, java17 (a toolchain of version [17,) serves it).
def release = { File home ->
  File file = new File(home, 'release')
  if (!file.isFile()) return -1
  def m = file.text =~ /JAVA_VERSION="(1\.)?(\d+)/
  m.find() ? (m.group(2) as int) : -1
}
def candidates = [new File(System.getProperty('java.home'))]
candidates += (new File('/usr/lib/jvm').listFiles() ?: []).toList()
File jdk = candidates.find { release(it) >= 21 && new File(it, 'bin/java').isFile() }
assert jdk != null : 'invoke-example-handler needs a JDK 21 or newer (under /usr/lib/jvm or running Maven)'
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides><version>${release(jdk)}</version></provides>
    <configuration><jdkHome>${jdk.canonicalPath}</jdkHome></configuration>
  </toolchain>
</toolchains>
"""
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "--toolchains=${new File(basedir, 'toolchains.xml').canonicalPath}\n"
return true
