import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.time.LocalDateTime
import java.util.zip.ZipFile

def hex = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }

// Both builds really ran in their own zone: Maven prints its finish time with the JVM's offset.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Finished at: \S+(Z|\+00:00)\s/ : 'no build ran in UTC'
assert log =~ /Finished at: \S+\+09:00\s/ : 'no build ran in Asia/Tokyo'

File utc = new File(basedir, 'target/lambda-utc')
File tokyo = new File(basedir, 'target/lambda-tokyo')
def zipsOf = { File dir -> dir.listFiles().findAll { it.name.endsWith('.zip') }*.name.sort() }
def zips = zipsOf(utc)
assert zips.size() == 2 : zips
assert zips.contains('reproducible-two-timezones-function.zip')
assert zips.any { it ==~ /text-[0-9a-f]{12}\.zip/ }
assert zipsOf(tokyo) == zips : 'the layer file name (its content hash) differs'

zips.each { name ->
  File a = new File(utc, name)
  File b = new File(tokyo, name)
  assert a.bytes == b.bytes : "$name differs between UTC and Asia/Tokyo"
}

def reportUtc = new JsonSlurper().parse(new File(utc, 'build.json'))
def reportTokyo = new JsonSlurper().parse(new File(tokyo, 'build.json'))
assert reportUtc.layers*.sha256 == reportTokyo.layers*.sha256
assert reportUtc.layers*.codeSha256 == reportTokyo.layers*.codeSha256
assert reportUtc.function.sha256 == reportTokyo.function.sha256
assert reportUtc.function.codeSha256 == reportTokyo.function.codeSha256
assert reportUtc.layers[0].sha256 == hex(new File(utc, reportUtc.layers[0].file))
assert reportUtc.function.sha256 == hex(new File(utc, reportUtc.function.file))

// Function entries carry the project's outputTimestamp as written (zip time has no zone); layer
// entries the plugin's constant, so a new project timestamp makes no new layer version. No extras.
zips.each { name ->
  def expected = name.endsWith('-function.zip') ? '2026-03-15T22:34:56' : '1980-02-01T00:00:00'
  new ZipFile(new File(utc, name)).withCloseable { z ->
    z.entries().each { e ->
      assert e.timeLocal == LocalDateTime.parse(expected) : "${name}!${e.name}: ${e.timeLocal}"
      assert e.extra == null || e.extra.length == 0 : "${name}!${e.name} has extra fields"
      assert e.comment == null
    }
  }
}
return true
