import java.security.MessageDigest

def lockfile = new File(basedir, 'lambda-layers.lock.json')
assert lockfile.isFile()
def text = lockfile.getText('UTF-8')
assert text.startsWith('{\n  "lockfileVersion": 1,\n  "project": "it.lambdalayer:lock-then-audit-clean",\n')
assert text.endsWith('}\n') && !text.endsWith('\n\n')

def json = new groovy.json.JsonSlurper().parseText(text)
assert json.zipFormat == 'stored-sorted-v2'
// Layers carry the plugin's constant timestamp, not the project's outputTimestamp.
assert json.outputTimestamp == '1980-02-01T00:00:00Z'
assert json.layers*.name == ['jackson']
def layer = json.layers[0]
assert layer.runtimes == ['java21'] && layer.architectures == ['x86_64']
assert layer.codeSha256 == layer.sha256.decodeHex().encodeBase64().toString()
assert layer.published == []
assert layer.libraries*.artifactId == ['jackson-annotations', 'jackson-core', 'jackson-databind']
assert json.function.name == 'lock-then-audit-clean'
assert json.function.libraries == []

// Each locked SHA-256 is the jar's, in the IT local repository.
def databind = layer.libraries.find { it.artifactId == 'jackson-databind' }
def jar = new File(localRepositoryPath, 'com/fasterxml/jackson/core/jackson-databind/2.21.3/jackson-databind-2.21.3.jar')
assert databind.sha256 == MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeHex().toString()
assert databind.size == jar.length()

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Wrote lambda-layers.lock.json: 1 layer,')
assert log.contains('Lambda audit against lambda-layers.lock.json:')
assert log.contains('10 of 10 checks passed') || log =~ /(\d+) of \1 checks passed/
assert !new File(basedir, 'target/lambda/jackson-' + layer.sha256.substring(0, 12) + '.zip').exists() : 'the audit must not write zips'

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
assert report.clean == true && report.failedChecks == 0
def junit = new File(basedir, 'target/lambda/audit-junit.xml').getText('UTF-8')
assert junit.contains('<testsuite name="lambda-audit" tests="6" failures="0"')
assert junit.contains('<testcase classname="lambda.layer.jackson" name="integrity" time="0"/>')
return true
