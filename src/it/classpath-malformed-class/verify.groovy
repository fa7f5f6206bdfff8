import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def jar = '/var/task/lib/it.lambda.malformed-broken-1.0.0.jar'
assert log.contains("[ERROR] Class path: Class com.example.lib.Plugins in ${jar} (function) is not a valid class file"
    + ' (ClassFormatError in Lambda)')
assert log.contains('[ERROR] Class path: Fix (MALFORMED_CLASS): replace the jar named above')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'function/target/lambda/classpath.json'))
assert report.malformedClasses.size() == 1
assert report.malformedClasses[0].class == 'com.example.lib.Plugins'
assert report.malformedClasses[0].location == jar
