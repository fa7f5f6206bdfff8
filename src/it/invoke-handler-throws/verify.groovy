import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
// The function's own log line, with what Lambda's environment and Context told it.
assert log.contains('function=invoke-handler-throws memory=512 greeting=hello order=42')
// The error payload as Lambda returns it, and a build failure naming the type and the message.
assert log =~ /\[ERROR\] Error \(cold: init \d+ ms, invoke \d+ ms\): \{.*"errorType":"java.lang.IllegalStateException"/
assert log.contains('The function returned an error: java.lang.IllegalStateException: Order 42 cannot be shipped')
assert log.contains('-Dlambda.invoke.failOnError=false')
def payload = new JsonSlurper().parse(new File(basedir, 'target/lambda/invoke/response.json'))
assert payload.errorType == 'java.lang.IllegalStateException'
assert payload.errorMessage == 'Order 42 cannot be shipped'
assert payload.stackTrace.any { it.contains('com.example.Handler.handleRequest') }
