String log = new File(basedir, 'build.log').text
assert log.contains('Lambda could not load this function')
assert log.contains('Missing class org.apache.commons.lang3.StringUtils (NoClassDefFoundError in Lambda), reached by'
    + ' com.example.Handler -> com.example.Greeter -> org.apache.commons.lang3.StringUtils;'
    + " Maven's runtime class path has it in org.apache.commons:commons-lang3:3.17.0, which the zips leave out"
    + ' because a runtimeProvided pattern matches it')
assert log.contains('the placement is at fault, not the project\'s scopes')
assert log.contains('Fix (MISSING_BY_PLACEMENT): Maven has the class on its runtime class path, the zips leave its library out:'
    + ' remove the patterns that match it from <runtimeProvided> (-Dlambda.runtimeProvided)')
assert !log.contains('Fix (MISSING_CLASS)')
