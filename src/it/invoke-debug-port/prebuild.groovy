// A free port for the JVM's debugger, so parallel builds never collide.
int port = new ServerSocket(0).withCloseable { it.localPort }
new File(basedir, 'debug-port.txt').text = port
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dlambda.invoke.debug=${port}\n"
return true
