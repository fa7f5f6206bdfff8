import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes) }
def hex = { byte[] b -> b.encodeHex().toString() }
def entries = { File f -> new ZipFile(f).withCloseable { z -> z.entries().toList().collect { [name: it.name, size: it.size, dir: it.directory] } } }

String name = 'default-split-aws-sdk-jackson'
File out = new File(basedir, 'target/lambda')
File log = new File(basedir, 'build.log')
assert out.isDirectory() : "lambda:layer wrote no $out"

// Exactly one layer zip, named after the artifactId and 12 hex digits of its SHA-256, and the function.
def layerZips = out.listFiles().findAll { it.name ==~ /${name}-[0-9a-f]{12}\.zip/ }
assert layerZips.size() == 1 : "expected one layer zip, found ${out.list()}"
File layerZip = layerZips[0]
File functionZip = new File(out, "${name}-function.zip")
assert functionZip.isFile()
assert out.listFiles().findAll { it.name.endsWith('.zip') }*.name.sort() == [functionZip.name, layerZip.name].sort()
assert layerZip.name == "${name}-${hex(sha256(layerZip)).substring(0, 12)}.zip"

// The layer: only java/lib/<groupId>-<artifactId>-<version>.jar below its directories.
def layer = entries(layerZip)
def layerJars = layer.findAll { !it.dir }*.name
assert layer.findAll { it.dir }*.name == ['java/', 'java/lib/']
assert layerJars.every { it ==~ /java\/lib\/[^\/]+\.jar/ } : layerJars
assert layerJars == layerJars.toSorted() : 'entries are not sorted'
assert layerJars.contains('java/lib/software.amazon.awssdk-dynamodb-2.57.8.jar')
assert layerJars.contains('java/lib/software.amazon.awssdk-sdk-core-2.57.8.jar')
assert layerJars.contains('java/lib/com.fasterxml.jackson.core-jackson-databind-2.21.3.jar')
assert layerJars.any { it ==~ /java\/lib\/com\.fasterxml\.jackson\.core-jackson-core-2\.21\.\d+\.jar/ }
assert layerJars.any { it ==~ /java\/lib\/com\.fasterxml\.jackson\.core-jackson-annotations-2\.21.*\.jar/ }
assert layerJars.size() > 20 : "the AWS SDK's transitive jars are missing: $layerJars"

// The function: the class at its root, no jar at all.
def function = entries(functionZip)
assert function*.name.contains('com/example/Handler.class')
assert function.every { !it.name.startsWith('lib/') && !it.name.endsWith('.jar') } : function*.name

// build.json agrees with the zips.
def report = new JsonSlurper().parse(new File(out, 'build.json'))
assert report.reportVersion == 1
assert report.project == 'it.lambda:default-split-aws-sdk-jackson:1.0.0'
assert report.runtimes == ['java21']
assert report.architectures == ['x86_64']
assert report.outputTimestamp == '2026-01-01T00:00:00Z'
assert report.layers.size() == 1
def l = report.layers[0]
assert l.name == name
assert l.file == layerZip.name
assert l.jars == layerJars.size()
assert l.files == layerJars.size()
assert l.zippedBytes == layerZip.length()
assert l.unzippedBytes == layer.sum { it.size }
assert l.sha256 == hex(sha256(layerZip))
assert l.codeSha256 == sha256(layerZip).encodeBase64().toString()
assert l.needsS3 == false
assert l.libraries*.entry.sort() == layerJars.sort()
assert l.libraries.every { it.sha256 ==~ /[0-9a-f]{64}/ && it.size > 0 && it.scope in ['compile', 'runtime'] }
def databind = l.libraries.find { it.artifactId == 'jackson-databind' }
assert databind.groupId == 'com.fasterxml.jackson.core' && databind.version == '2.21.3' && databind.via == []
def jacksonCore = l.libraries.find { it.artifactId == 'jackson-core' }
assert jacksonCore.via.any { it.startsWith('com.fasterxml.jackson.core:jackson-databind:') || it.startsWith('software.amazon.awssdk:') }
def f = report.function
assert f.name == name
assert f.file == functionZip.name
assert f.jars == 0 && f.libraries == []
assert f.zippedBytes == functionZip.length()
assert f.sha256 == hex(sha256(functionZip))
assert f.codeSha256 == sha256(functionZip).encodeBase64().toString()
assert report.runtimeProvided == []
assert report.fatZipBytes > l.zippedBytes

// The summary a person reads.
String text = log.getText('UTF-8')
assert text.contains('Lambda zips in ')
assert text =~ /layer\s+${name}\s+${layerJars.size()} jars .* sha256 ${l.sha256.substring(0, 12)}/
assert text =~ /function\s+${name}\s+0 jars/
assert text =~ /function zip is .*% smaller than one fat zip of everything/

// Project properties, as later plugins of the same build see them (resources filtering).
def props = new Properties()
new File(basedir, 'target/filtered/lambda.properties').withInputStream { props.load(it) }
assert props['layer.sha256'] == l.sha256
assert props['layer.codeSha256'] == l.codeSha256
assert new File(props['layer.file']).canonicalFile == layerZip.canonicalFile
assert props['function.sha256'] == f.sha256
assert props['function.codeSha256'] == f.codeSha256
assert new File(props['function.file']).canonicalFile == functionZip.canonicalFile

// Attached artifacts went into the (IT) local repository with the documented classifiers.
File installed = new File(localRepositoryPath, "it/lambda/${name}/1.0.0")
File installedFunction = new File(installed, "${name}-1.0.0-lambda-function.zip")
File installedLayer = new File(installed, "${name}-1.0.0-lambda-layer-${name}.zip")
assert installedFunction.isFile() : "not installed: $installedFunction"
assert installedLayer.isFile() : "not installed: $installedLayer"
assert installedFunction.bytes == functionZip.bytes
assert installedLayer.bytes == layerZip.bytes
assert new File(installed, "${name}-1.0.0.jar").isFile()

return true
