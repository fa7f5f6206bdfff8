import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('through the serialization launcher (aws-lambda-java-serialization-1.4.1.jar; chosen with <client> (-Dlambda.invoke.client))')
// One cold start, then a warm invocation in the same JVM: the count goes on.
assert log =~ /Response 1-first\.json \(cold: init \d+ ms, invoke \d+ ms\): \{"count":1,"name":"first"/
assert log =~ /Response 2-second\.json \(warm: invoke \d+ ms\): \{"count":2,"name":"second"/
assert log =~ /\| handling first as [0-9a-f-]{36}/
// The caller's AWS_* variables were passed through (by name in the log), their values never logged.
assert log.contains('| credentials passed: true')
assert log =~ /Passed through from your environment \(values not shown\): \[.*AWS_SECRET_ACCESS_KEY.*\]/
['AKIAINVOKEFAKEKEY001', 'invokeSecretNeverToBeLogged0123456789', 'invokeSessionTokenNeverToBeLogged987'].each {
  assert !log.contains(it) : "a credential value reached the log"
}
assert log.contains('[DEBUG] JVM command: ')
def json = new JsonSlurper()
def responses = new File(basedir, 'target/lambda/invoke/responses')
assert json.parse(new File(responses, '1-first.json')) == [count: 1, name: 'first', function: 'invoke-warm-events', timeLeft: true]
assert json.parse(new File(responses, '2-second.json')).count == 2
assert json.parse(new File(basedir, 'target/lambda/invoke/response.json')).name == 'second'
