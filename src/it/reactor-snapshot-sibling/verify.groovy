import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def names = { File f -> new ZipFile(f).withCloseable { z -> z.entries().toList().findAll { !it.directory }*.name } }

// Only the function module runs the plugin.
assert !new File(basedir, 'common/target/lambda').exists()
File out = new File(basedir, 'function/target/lambda')
def report = new JsonSlurper().parse(new File(out, 'build.json'))
assert report.project == 'it.lambda.reactor:function:1.0-SNAPSHOT'

// The release library goes to the default layer, named after the artifactId.
assert report.layers*.name == ['function']
def layer = names(new File(out, report.layers[0].file))
assert layer == ['java/lib/org.apache.commons-commons-lang3-3.19.0.jar']

// The SNAPSHOT sibling stays in the function, under lib/, next to the function's own classes.
def function = names(new File(out, 'function-function.zip'))
assert function.contains('com/example/function/Handler.class')
assert function.findAll { it.startsWith('lib/') } == ['lib/it.lambda.reactor-common-1.0-SNAPSHOT.jar']
assert !function.contains('com/example/common/Greeting.class') : 'the sibling belongs in lib/, not unpacked'
assert report.function.libraries.size() == 1
assert report.function.libraries[0].artifactId == 'common'
assert report.function.libraries[0].version == '1.0-SNAPSHOT'

// The jar in the zip is the sibling's freshly built jar.
File siblingJar = new File(basedir, 'common/target/common-1.0-SNAPSHOT.jar')
assert siblingJar.isFile()
new ZipFile(new File(out, 'function-function.zip')).withCloseable { z ->
  assert z.getInputStream(z.getEntry('lib/it.lambda.reactor-common-1.0-SNAPSHOT.jar')).bytes == siblingJar.bytes
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /layer\s+function\s+1 jar /
assert log =~ /function\s+function\s+1 jar /
return true
