import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('org/apache/commons/lang3/StringUtils')
assert log =~ /The function (failed to start|returned an error): java\.lang\.NoClassDefFoundError/
def payload = new JsonSlurper().parse(new File(basedir, 'target/lambda/invoke/response.json'))
assert payload.errorType == 'java.lang.NoClassDefFoundError'
assert payload.errorMessage.contains('org/apache/commons/lang3/StringUtils')
// No zip carries commons-lang3: the layer and the function have no copy of it.
assert !new File(basedir, 'target/lambda/invoke/opt/java/lib').list()?.any { it.contains('commons-lang3') }
