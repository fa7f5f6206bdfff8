String log = new File(basedir, 'build.log').text
assert log.contains('Layer project: no function to invoke.')
// The handler serializes with Jackson, which only the shared layer carries.
assert log.contains('Response (cold: init ') && log.contains('): "{\\"ORDER\\":\\"SHIPPED\\"}"')
File invoke = new File(basedir, 'function/target/lambda/invoke')
assert new File(invoke, 'response.json').text == '"{\\"ORDER\\":\\"SHIPPED\\"}"'
def optJars = new File(invoke, 'opt/java/lib').list().toList()
assert optJars.contains('com.fasterxml.jackson.core-jackson-databind-2.21.3.jar') : optJars
// Jackson comes from the shared layer: the function's own zips leave it out.
def build = new groovy.json.JsonSlurper().parse(new File(basedir, 'function/target/lambda/build.json'))
assert build.classPathLayers*.name.any { it.contains('(shared)') }
assert !(build.layers*.libraries.flatten()*.artifactId).contains('jackson-databind')
