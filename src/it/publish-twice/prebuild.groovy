// Starts the fake Lambda/S3 server for this IT and points the build at it.
def server = dev.lambdalayer.aws.FakeAwsServer.start()
server.createFunction('eu-west-1', 'hello')
server.createFunction('us-east-1', 'hello')
System.getProperties().put('fakeaws:' + basedir, server)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.endpoint=${server.endpoint()}\n"
new File(basedir, 'aws-credentials').text = '''[it]
aws_access_key_id = AKIAFAKEFAKEFAKEFAKE
aws_secret_access_key = itSecretKeyNeverToBeLogged0123456789
aws_session_token = itSessionTokenNeverToBeLogged987654321
'''
new File(basedir, 'aws-config').text = '[profile it]\nregion = eu-west-1\n'
return true
