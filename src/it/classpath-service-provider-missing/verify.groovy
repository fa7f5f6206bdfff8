import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('Lambda could not load this function')
assert log.contains('Missing service provider com.example.EnglishGreeter, named in META-INF/services/com.example.Greeter'
    + ' of /var/task (function) (ServiceConfigurationError in Lambda when the service is loaded), reached by'
    + ' com.example.Handler -> com.example.Greeter -> com.example.EnglishGreeter')
assert log.contains('Fix (SERVICE_PROVIDER_MISSING): ')

def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert report.missingProviders.size() == 1
assert report.missingProviders[0].service == 'com.example.Greeter'
assert report.missingProviders[0].serviceFile == '/var/task'
