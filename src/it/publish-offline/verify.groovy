def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('lambda:publish needs the network to reach AWS, but Maven runs offline (-o)')
return true
