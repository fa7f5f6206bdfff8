import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def apache = '/opt/java/lib/software.amazon.awssdk-apache5-client-2.57.8.jar'
def urlConnection = '/opt/java/lib/software.amazon.awssdk-url-connection-client-2.57.8.jar'
def warning = log.readLines().find {
  it.startsWith('[WARNING] Class path: Service software.amazon.awssdk.http.SdkHttpService must have one provider')
}
assert warning : 'a warning about two SdkHttpService providers'
assert warning.contains(apache) && warning.contains(urlConnection)
assert warning.contains('exclude one HTTP client library')
assert warning.contains('software.amazon.awssdk.http.service.impl')
// Listed in class-path order in the log, too.
assert log.contains('Service software.amazon.awssdk.http.SdkHttpService has providers in 2 places')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert report.errors == 0
def conflict = report.providerConflicts.find { it.service == 'software.amazon.awssdk.http.SdkHttpService' }
assert conflict.copies*.location == [apache, urlConnection]
assert conflict.copies*.providers.flatten() == [
    'software.amazon.awssdk.http.apache5.Apache5SdkHttpService',
    'software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService']
assert report.serviceFiles.find { it.service == 'software.amazon.awssdk.http.SdkHttpService' }
