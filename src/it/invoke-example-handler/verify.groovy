import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
// The real runtime interface client ran, on the toolchain's JDK (21 or newer), on Lambda's class path.
assert log =~ /Invoking com\.example\.Handler::handleRequest \(java17, 512 MB, timeout 30 s\) through the AWS Lambda Java runtime interface client \(aws-lambda-java-runtime-interface-client-2\.10\.1\.jar, libaws-lambda-jni\.linux/
assert log =~ /on Java (1[7-9]|[2-9]\d) \(/
// The handler returns a String: Lambda serializes it as a JSON string.
String expected = '"{\\"greeting\\":\\"Hello, Lambda!\\"}"'
assert log.contains('Response (cold: init ') && log.contains('): ' + expected)
assert log =~ /Peak memory: \d+ MB resident/
File response = new File(basedir, 'target/lambda/invoke/response.json')
assert response.text == expected
assert new JsonSlurper().parseText(new JsonSlurper().parseText(response.text)) == [greeting: 'Hello, Lambda!']
// Unpacked as Lambda does: the function's classes in task, the layers' jars in opt/java/lib.
assert new File(basedir, 'target/lambda/invoke/task/com/example/Handler.class').isFile()
assert new File(basedir, 'target/lambda/invoke/opt/java/lib').list().findAll { it.endsWith('.jar') }.size() == 46
