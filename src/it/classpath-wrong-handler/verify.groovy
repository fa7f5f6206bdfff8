String log = new File(basedir, 'build.log').text
assert log.contains('Lambda could not load this function')
assert log.contains("Handler 'com.example.Handlr::handleRequest': class com.example.Handlr is not in the"
    + ' function zip nor in any layer (ClassNotFoundException in Lambda). Did you mean com.example.Handler?')
