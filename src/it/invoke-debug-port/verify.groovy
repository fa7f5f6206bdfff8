int port = new File(basedir, 'debug-port.txt').text.trim() as int
String log = new File(basedir, 'build.log').text
// The plugin prints the port, and the JVM's own JDWP agent says it listens there.
assert log.contains("Debug: the JVM waits for a debugger on port ${port} (JDWP, 127.0.0.1)")
assert log.contains("Listening for transport dt_socket at address: ${port}")
// Nobody attached: the timeout ended the wait, and the JVM was killed (the port is free again).
assert log.contains('The runtime did not ask for the event within 3 seconds')
assert !log.contains('reached')
new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close()
assert new File(basedir, 'target/lambda/invoke/response.json').text.contains('Sandbox.Timedout')
