import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def names = { File f -> new ZipFile(f).withCloseable { z -> z.entries().toList()*.name } }

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/lambda')
def report = new JsonSlurper().parse(new File(out, 'build.json'))

assert report.runtimes == ['java21', 'java17']
assert report.architectures == ['arm64', 'x86_64']
assert report.runtimeProvided.size() == 1
assert report.runtimeProvided[0].groupId == 'com.amazonaws'
assert report.runtimeProvided[0].artifactId == 'aws-lambda-java-core'
assert report.runtimeProvided[0].version == '1.2.3'

assert report.layers*.name == ['libs']
def layer = names(new File(out, report.layers[0].file))
assert layer.findAll { it.endsWith('.jar') }.sort() == [
  'java/lib/commons-io-commons-io-2.20.0.jar',
  'java/lib/org.apache.commons-commons-lang3-3.19.0.jar'
]
def function = names(new File(out, 'runtime-provided-and-cli-lists-function.zip'))
assert function.contains('com/example/Handler.class')
assert !function.any { it.endsWith('.jar') }

def zips = out.listFiles().findAll { it.name.endsWith('.zip') }
assert zips.size() == 2
zips.each { zip -> assert !names(zip).any { it.contains('aws-lambda-java-core') } : "$zip holds the runtime's library" }
assert ![report.function, *report.layers].any { z -> z.libraries.any { it.artifactId == 'aws-lambda-java-core' } }

assert log.contains('1 library left out as provided by the Lambda runtime')
return true
