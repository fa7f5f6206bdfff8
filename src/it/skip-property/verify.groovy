String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /(lambda|lambda-layer-maven-plugin):[^: ]+:layer \(default\) @ skip-property/ : 'the goal did not run at all'
assert log.contains('[INFO] Skipping: lambda.skip is set.')
assert !log.contains('Lambda zips in')
assert !new File(basedir, 'target/lambda').exists() : 'lambda:layer wrote target/lambda although skipped'
assert new File(basedir, 'target/skip-property-1.0.0.jar').isFile() : 'the rest of the build did not run'
return true
