import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('Lambda could not load this function')
assert log.contains('Missing class org.apache.commons.lang3.StringUtils (NoClassDefFoundError in Lambda), reached by'
    + ' com.example.Handler -> com.example.Greeter -> org.apache.commons.lang3.StringUtils')

def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert report.handler == 'com.example.Handler::handleRequest'
assert report.handlerProblem == null
assert report.missing*.'class' == ['org.apache.commons.lang3.StringUtils']
assert report.missing[0].chain == ['com.example.Handler', 'com.example.Greeter', 'org.apache.commons.lang3.StringUtils']
